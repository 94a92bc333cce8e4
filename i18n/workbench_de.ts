<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Repetition Workbench: browse the runs of data-repetition experiments.</source>
        <translation>Repetition Workbench: Läufe von Experimenten zur Datenwiederholung ansehen.</translation>
    </message>
    <message>
        <source>Run database to show (default: %1).</source>
        <translation>Anzuzeigende Laufdatenbank (Standard: %1).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Language of the user interface: %1 (default: the language chosen in the View menu, else the system language).</source>
        <translation>Sprache der Benutzeroberfläche: %1 (Standard: die im Menü Ansicht gewählte Sprache, sonst die Systemsprache).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>KÜRZEL</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unbekannte Sprache „%1“; wählen Sie eine von: %2.</translation>
    </message>
    <message>
        <source>Without a window: `workbench export --help`, `workbench screenshot --help`.</source>
        <translation>Ohne Fenster: `workbench export --help`, `workbench screenshot --help`.</translation>
    </message>
</context>
<context>
    <name>wb::CliJob</name>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>[a line of more than %1 MiB without a newline was dropped]</source>
        <translation>[eine Zeile von mehr als %1 MiB ohne Zeilenumbruch wurde verworfen]</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Killed before it wrote a checkpoint: Resume continues from the last one.</source>
        <translation>Hart beendet, bevor ein Checkpoint geschrieben wurde: Fortsetzen macht beim letzten weiter.</translation>
    </message>
    <message>
        <source>Stopped before training began.</source>
        <translation>Angehalten, bevor das Training begann.</translation>
    </message>
    <message>
        <source>workbench-cli ended abnormally (a signal). %1</source>
        <translation>workbench-cli wurde abnormal beendet (durch ein Signal). %1</translation>
    </message>
    <message>
        <source>Stopped: Resume continues from the checkpoint.</source>
        <translation>Angehalten: Fortsetzen macht beim Checkpoint weiter.</translation>
    </message>
    <message>
        <source>Stopped: a checkpoint was written; Resume continues from it.</source>
        <translation>Angehalten: Ein Checkpoint wurde geschrieben; Fortsetzen macht dort weiter.</translation>
    </message>
    <message>
        <source>No longer followed (%1 keeps training it): Resume follows it again.</source>
        <translation>Nicht mehr verfolgt (%1 trainiert weiter): Fortsetzen verfolgt den Lauf wieder.</translation>
    </message>
    <message>
        <source>the remote host</source>
        <translation>der entfernte Rechner</translation>
    </message>
    <message>
        <source>Training or I/O failed: %1</source>
        <translation>Training oder Ein-/Ausgabe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Bad command line or spec: %1</source>
        <translation>Fehlerhafte Befehlszeile oder Spezifikation: %1</translation>
    </message>
    <message>
        <source>Data problem: %1</source>
        <translation>Datenproblem: %1</translation>
    </message>
    <message>
        <source>Run database problem: %1</source>
        <translation>Problem mit der Laufdatenbank: %1</translation>
    </message>
    <message>
        <source>workbench-cli exited with code %1: %2</source>
        <translation>workbench-cli wurde mit Code %1 beendet: %2</translation>
    </message>
    <message>
        <source>Cannot start %1: %2. Set WB_CLI to the workbench-cli program, or put it on PATH.</source>
        <translation>%1 kann nicht gestartet werden: %2. Setzen Sie WB_CLI auf das Programm workbench-cli oder legen Sie es in den PATH.</translation>
    </message>
</context>
<context>
    <name>wb::CompareControls</name>
    <message>
        <source>each run</source>
        <translation>jeder Lauf</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>unique tokens</source>
        <translation>eindeutige Tokens</translation>
    </message>
    <message>
        <source>token budget</source>
        <translation>Token-Budget</translation>
    </message>
    <message>
        <source>model width</source>
        <translation>Modellbreite</translation>
    </message>
    <message>
        <source>model depth</source>
        <translation>Modelltiefe</translation>
    </message>
    <message>
        <source>architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>Trainingsziel</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>LR-Zeitplan</translation>
    </message>
    <message>
        <source>replay</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>log x</source>
        <translation>log x</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>log y</translation>
    </message>
    <message>
        <source>The metric to plot: validation loss, the loss on another corpus, a downstream score, ...</source>
        <translation>Die darzustellende Metrik: Validierungsverlust, Verlust auf einem anderen Korpus, ein Downstream-Wert, …</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Runs with the same value of this spec field share a colour and a legend entry</source>
        <translation>Läufe mit demselben Wert dieses Spezifikationsfelds teilen Farbe und Legendeneintrag</translation>
    </message>
    <message>
        <source>Debiased exponential moving average, as in TensorBoard; the raw curve stays as a faint shadow</source>
        <translation>Entzerrter exponentieller gleitender Mittelwert wie in TensorBoard; die Rohkurve bleibt als blasser Schatten</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <source>against</source>
        <translation>über</translation>
    </message>
    <message>
        <source>colour by</source>
        <translation>Farbe nach</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>overlaid</source>
        <translation>überlagert</translation>
    </message>
    <message>
        <source>small multiples</source>
        <translation>Kleine Vielfache</translation>
    </message>
    <message>
        <source>One chart with every run, or one panel per level of the colour-by factor</source>
        <translation>Ein Diagramm mit allen Läufen oder ein Feld je Stufe des Farbfaktors</translation>
    </message>
    <message>
        <source>same axes</source>
        <translation>gleiche Achsen</translation>
    </message>
    <message>
        <source>Every panel shows the same x and y range, so panels compare by eye</source>
        <translation>Alle Felder zeigen denselben x- und y-Bereich, damit sie sich mit bloßem Auge vergleichen lassen</translation>
    </message>
    <message>
        <source>mean of seeds</source>
        <translation>Mittel über Seeds</translation>
    </message>
    <message>
        <source>Runs that differ only in training.seed are drawn as their mean with a min/max band</source>
        <translation>Läufe, die sich nur in training.seed unterscheiden, werden als Mittelwert mit Min/Max-Band gezeichnet</translation>
    </message>
</context>
<context>
    <name>wb::CompareWidget</name>
    <message>
        <source>Select runs in the list to compare them here (Ctrl- or Shift-click for several).</source>
        <translation>Wählen Sie Läufe in der Liste, um sie hier zu vergleichen (Strg- oder Umschalt-Klick für mehrere).</translation>
    </message>
    <message>
        <source>Cannot draw these runs: %1</source>
        <translation>Diese Läufe können nicht gezeichnet werden: %1</translation>
    </message>
</context>
<context>
    <name>wb::DatabaseMessageWidget</name>
    <message>
        <source>Open database…</source>
        <translation>Datenbank öffnen…</translation>
    </message>
</context>
<context>
    <name>wb::DownstreamPanel</name>
    <message>
        <source>No downstream scores in these runs. Add eval.downstream.tasks (cloze, next_passage) to the spec to score them while they train.</source>
        <translation>Diese Läufe haben keine Downstream-Werte. Fügen Sie eval.downstream.tasks (cloze, next_passage) zur Spezifikation hinzu, um sie während des Trainings zu bewerten.</translation>
    </message>
    <message>
        <source>Downstream, final</source>
        <translation>Downstream, final</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Final downstream scores of the selected runs appear here.</source>
        <translation>Die abschließenden Downstream-Werte der ausgewählten Läufe erscheinen hier.</translation>
    </message>
</context>
<context>
    <name>wb::ExpandedRunsModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>Predicted by the saved fit &quot;%1&quot;</source>
        <translation>Vorhergesagt durch den gespeicherten Fit „%1“</translation>
    </message>
    <message>
        <source>No finished run in this database measured a throughput yet</source>
        <translation>Noch kein abgeschlossener Lauf dieser Datenbank hat einen Durchsatz gemessen</translation>
    </message>
    <message>
        <source>cannot plan</source>
        <translation>nicht planbar</translation>
    </message>
    <message>
        <source>U: distinct training tokens, in whole sequences</source>
        <translation>U: verschiedene Trainings-Tokens, in ganzen Sequenzen</translation>
    </message>
    <message>
        <source>R = D / U: how often each unique token is seen</source>
        <translation>R = D / U: wie oft jedes eindeutige Token gesehen wird</translation>
    </message>
    <message>
        <source>D: training tokens, whole optimizer steps of the budget</source>
        <translation>D: Trainings-Tokens, ganze Optimierungsschritte des Budgets</translation>
    </message>
    <message>
        <source>N: trainable parameters (vocabulary estimated from the tokenizer)</source>
        <translation>N: trainierbare Parameter (Vokabular aus dem Tokenizer geschätzt)</translation>
    </message>
    <message>
        <source>Training FLOPs: FLOPs per token (6 N + attention) x D</source>
        <translation>Trainings-FLOPs: FLOPs pro Token (6 N + Attention) x D</translation>
    </message>
    <message>
        <source>Wall time at the model FLOP/s the newest finished runs of this database measured</source>
        <translation>Laufzeit bei den Modell-FLOP/s, die die neuesten abgeschlossenen Läufe dieser Datenbank gemessen haben</translation>
    </message>
    <message>
        <source>Final validation loss predicted by a saved scaling-law fit (data-constrained for repeated data, else Chinchilla)</source>
        <translation>Finaler Validierungsverlust laut einem gespeicherten Skalierungsgesetz-Fit (datenbeschränkt bei wiederholten Daten, sonst Chinchilla)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Unique tokens</source>
        <translation>Eindeutige Tokens</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Est. time</source>
        <translation>Gesch. Zeit</translation>
    </message>
    <message>
        <source>Predicted loss</source>
        <translation>Vorhergesagter Verlust</translation>
    </message>
</context>
<context>
    <name>wb::ExperimentDesigner</name>
    <message>
        <source>Cannot load spec</source>
        <translation>Spezifikation kann nicht geladen werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a JSON object (an experiment spec is one JSON object)</source>
        <translation>%1: kein JSON-Objekt (eine Experiment-Spezifikation ist ein JSON-Objekt)</translation>
    </message>
    <message>
        <source>Cannot save spec</source>
        <translation>Spezifikation kann nicht gespeichert werden</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>%1 FLOPs</source>
        <translation>%1 FLOPs</translation>
    </message>
    <message>
        <source>about %1 in sequence</source>
        <translation>etwa %1 nacheinander</translation>
    </message>
    <message>
        <source>no measured throughput yet</source>
        <translation>noch kein gemessener Durchsatz</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <source>Save spec before launching</source>
        <translation>Spezifikation vor dem Start speichern</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>Experiment-Spezifikationen (*.json)</translation>
    </message>
    <message>
        <source>Save spec</source>
        <translation>Spezifikation speichern</translation>
    </message>
    <message>
        <source>Load spec</source>
        <translation>Spezifikation laden</translation>
    </message>
    <message>
        <source>Choose a preset or a previous experiment…</source>
        <translation>Eine Vorlage oder ein früheres Experiment wählen…</translation>
    </message>
    <message>
        <source>Preset: %1</source>
        <translation>Vorlage: %1</translation>
    </message>
    <message>
        <source>Experiment: %1 (%2)</source>
        <translation>Experiment: %1 (%2)</translation>
    </message>
    <message>
        <source>Experiment %1 has no readable spec</source>
        <translation>Experiment %1 hat keine lesbare Spezifikation</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Ausgehend von:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Experiment name; runs are named NAME/LABEL after their grid point</source>
        <translation>Name des Experiments; Läufe heißen NAME/LABEL nach ihrem Gitterpunkt</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>What the experiment tests, e.g. the finding of a study it reproduces</source>
        <translation>Was das Experiment prüft, z. B. das Ergebnis einer Studie, das es reproduziert</translation>
    </message>
    <message>
        <source>Load spec…</source>
        <translation>Spezifikation laden…</translation>
    </message>
    <message>
        <source>Save spec…</source>
        <translation>Spezifikation speichern…</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Save the spec and train every run it expands to (workbench-cli run)</source>
        <translation>Spezifikation speichern und jeden Lauf trainieren, zu dem sie sich entfaltet (workbench-cli run)</translation>
    </message>
</context>
<context>
    <name>wb::FactorGridEditor</name>
    <message>
        <source>Epochs at a fixed token budget</source>
        <translation>Epochen bei festem Token-Budget</translation>
    </message>
    <message>
        <source>Unique tokens at a fixed token budget</source>
        <translation>Eindeutige Tokens bei festem Token-Budget</translation>
    </message>
    <message>
        <source>Model size (n_layer, n_embd)</source>
        <translation>Modellgröße (n_layer, n_embd)</translation>
    </message>
    <message>
        <source>Architecture: dense, MoE, shared</source>
        <translation>Architektur: dicht, MoE, geteilt</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Trainingsziel</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>Dropout-Rate</translation>
    </message>
    <message>
        <source>Dropout schedule: constant vs dropstage</source>
        <translation>Dropout-Zeitplan: konstant vs. Dropstage</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>LR-Zeitplan</translation>
    </message>
    <message>
        <source>Replay fraction (needs a replay corpus)</source>
        <translation>Replay-Anteil (braucht ein Replay-Korpus)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Factors&lt;/b&gt; (the grid: every combination of the levels is one run)</source>
        <translation>&lt;b&gt;Faktoren&lt;/b&gt; (das Gitter: jede Kombination der Stufen ist ein Lauf)</translation>
    </message>
    <message>
        <source>Add factor</source>
        <translation>Faktor hinzufügen</translation>
    </message>
    <message>
        <source>Add an empty row, or pick a factor of the studies from the menu</source>
        <translation>Eine leere Zeile hinzufügen oder einen Faktor der Studien aus dem Menü wählen</translation>
    </message>
    <message>
        <source>Runs list (optional, JSON): one object of overrides per run, crossed with the grid</source>
        <translation>Laufliste (optional, JSON): ein Objekt mit Überschreibungen pro Lauf, mit dem Gitter gekreuzt</translation>
    </message>
    <message>
        <source>A dotted path into the run spec, e.g. data.epochs or model</source>
        <translation>Ein Punkt-Pfad in die Lauf-Spezifikation, z. B. data.epochs oder model</translation>
    </message>
    <message>
        <source>Levels, comma-separated: numbers, words or JSON objects</source>
        <translation>Stufen, durch Kommas getrennt: Zahlen, Wörter oder JSON-Objekte</translation>
    </message>
    <message>
        <source>e.g. 1, 4, 16, 64</source>
        <translation>z. B. 1, 4, 16, 64</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>wb::FigureFileExport</name>
    <message>
        <source>a figure must be between 0.5 and 100 inches wide and high</source>
        <translation>eine Abbildung muss 0,5 bis 100 Zoll breit und hoch sein</translation>
    </message>
    <message>
        <source>the resolution must be 30-2400 dpi</source>
        <translation>die Auflösung muss 30–2400 dpi betragen</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>unknown file type &quot;%1&quot;: use .png, .svg, .pdf, .csv or .tex</source>
        <translation>unbekannter Dateityp „%1“: verwenden Sie .png, .svg, .pdf, .csv oder .tex</translation>
    </message>
</context>
<context>
    <name>wb::JobListModel</name>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 runs done)</source>
        <translation>%1 (%2 von %3 Läufen fertig)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>wb::LauncherWidget</name>
    <message>
        <source>Run spec…</source>
        <translation>Spezifikation ausführen…</translation>
    </message>
    <message>
        <source>Train every run of an experiment spec file</source>
        <translation>Alle Läufe einer Experiment-Spezifikationsdatei trainieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop gracefully: the run writes a checkpoint and can be resumed. Stop again later to kill it.</source>
        <translation>Sauber anhalten: Der Lauf schreibt einen Checkpoint und kann fortgesetzt werden. Später erneut anhalten, um ihn hart zu beenden.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Continue the interrupted runs from their checkpoints, then the queued ones</source>
        <translation>Die unterbrochenen Läufe ab ihren Checkpoints fortsetzen, dann die wartenden</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>Train the same spec again, as a new experiment</source>
        <translation>Dieselbe Spezifikation erneut trainieren, als neues Experiment</translation>
    </message>
    <message>
        <source>Duplicate &amp;&amp; edit</source>
        <translation>Duplizieren &amp;&amp; bearbeiten</translation>
    </message>
    <message>
        <source>Open a copy of the spec in the designer</source>
        <translation>Eine Kopie der Spezifikation im Designer öffnen</translation>
    </message>
    <message>
        <source>Show output</source>
        <translation>Ausgabe anzeigen</translation>
    </message>
    <message>
        <source>The command line, errors and last lines of the selected job</source>
        <translation>Befehlszeile, Fehler und letzte Zeilen des gewählten Auftrags</translation>
    </message>
    <message>
        <source>Remove ended</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <source>Remove the jobs that have ended from the list</source>
        <translation>Beendete Aufträge aus der Liste entfernen</translation>
    </message>
    <message>
        <source>No run database is set: open one first.</source>
        <translation>Keine Laufdatenbank gesetzt: Öffnen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>experiment %1</source>
        <translation>Experiment %1</translation>
    </message>
    <message>
        <source>Stopping %1: it finishes the step and writes a checkpoint.</source>
        <translation>%1 wird angehalten: Der Schritt wird beendet und ein Checkpoint geschrieben.</translation>
    </message>
    <message>
        <source>%1 is still writing its checkpoint; Stop again after %2 s to kill it.</source>
        <translation>%1 schreibt noch seinen Checkpoint; erneutes Anhalten nach %2 s beendet ihn hart.</translation>
    </message>
    <message>
        <source>%1 was killed.</source>
        <translation>%1 wurde hart beendet.</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <source>Experiment %1 is not in %2.</source>
        <translation>Experiment %1 ist nicht in %2.</translation>
    </message>
    <message>
        <source>The spec of %1 is not known yet (a preset? `workbench-cli presets show NAME` prints it).</source>
        <translation>Die Spezifikation von %1 ist noch nicht bekannt (eine Vorlage? `workbench-cli presets show NAME` gibt sie aus).</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Exit code: %1</source>
        <translation>Exit-Code: %1</translation>
    </message>
    <message numerus="yes">
        <source>Standard error (last %n line(s)):</source>
        <translation>
            <numerusform>Standardfehlerausgabe (letzte %n Zeile):</numerusform>
            <numerusform>Standardfehlerausgabe (letzte %n Zeilen):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Standard output (last %n line(s)):</source>
        <translation>
            <numerusform>Standardausgabe (letzte %n Zeile):</numerusform>
            <numerusform>Standardausgabe (letzte %n Zeilen):</numerusform>
        </translation>
    </message>
    <message>
        <source>Output of %1</source>
        <translation>Ausgabe von %1</translation>
    </message>
    <message>
        <source>Run an experiment spec</source>
        <translation>Eine Experiment-Spezifikation ausführen</translation>
    </message>
    <message>
        <source>Experiment specs (*.json)</source>
        <translation>Experiment-Spezifikationen (*.json)</translation>
    </message>
    <message>
        <source>New jobs still run on %1: %2</source>
        <translation>Neue Aufträge laufen weiter auf %1: %2</translation>
    </message>
    <message>
        <source>New jobs run on %1; their runs are imported into this database as they train.</source>
        <translation>Neue Aufträge laufen auf %1; ihre Läufe werden während des Trainings in diese Datenbank übernommen.</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>Where new jobs train: this computer, or another host as ssh://[user@]host[:port] (the system ssh with your keys; the runs appear in this database as they train)</source>
        <translation>Wo neue Aufträge trainieren: dieser Computer oder ein anderer Rechner als ssh://[user@]host[:port] (das ssh des Systems mit Ihren Schlüsseln; die Läufe erscheinen während des Trainings in dieser Datenbank)</translation>
    </message>
    <message>
        <source>Ranks:</source>
        <translation>Ränge:</translation>
    </message>
    <message>
        <source>Data-parallel processes per run (--nproc): each trains batch_size / N sequences of every batch, one GPU each where there are GPUs; the run&apos;s curve stays the same</source>
        <translation>Datenparallele Prozesse je Lauf (--nproc): jeder trainiert batch_size / N Sequenzen jedes Batches, wo GPUs vorhanden sind je eine GPU; die Kurve des Laufs bleibt dieselbe</translation>
    </message>
    <message>
        <source>New jobs on %1 go through its Slurm queue (sbatch).</source>
        <translation>Neue Jobs auf %1 laufen über dessen Slurm-Warteschlange (sbatch).</translation>
    </message>
    <message>
        <source>New jobs on %1 train on the host itself.</source>
        <translation>Neue Jobs auf %1 trainieren direkt auf dem Host.</translation>
    </message>
    <message>
        <source>Slurm</source>
        <translation>Slurm</translation>
    </message>
    <message>
        <source>The host is a cluster&apos;s login node: submit each job there with sbatch (--remote-slurm); its runs are imported into this database as they train</source>
        <translation>Der Host ist der Login-Knoten eines Clusters: jeder Job wird dort mit sbatch eingereicht (--remote-slurm); seine Läufe werden während des Trainings in diese Datenbank übernommen</translation>
    </message>
</context>
<context>
    <name>wb::LocalTarget</name>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
</context>
<context>
    <name>wb::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>Datenbank ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Repetition Workbench — %1</source>
        <translation>Repetition Workbench — %1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Lauf</numerusform>
            <numerusform>%n Läufe</numerusform>
        </translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>noch nicht angelegt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Open run database</source>
        <translation>Laufdatenbank öffnen</translation>
    </message>
    <message>
        <source>Run databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Laufdatenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <source>%1 is not available in this build.</source>
        <translation>%1 ist in diesem Build nicht verfügbar.</translation>
    </message>
    <message>
        <source>Language: %1 — saved for the next start</source>
        <translation>Sprache: %1 – für den nächsten Start gespeichert</translation>
    </message>
    <message>
        <source>&amp;Export figure…</source>
        <translation>Abbildung &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Select the runs to plot in the list first.</source>
        <translation>Wählen Sie zuerst die darzustellenden Läufe in der Liste.</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png);;CSV data (*.csv);;pgfplots for LaTeX (*.tex)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG, 300 dpi (*.png);;CSV-Daten (*.csv);;pgfplots für LaTeX (*.tex)</translation>
    </message>
    <message>
        <source>Saved %1 (3.25 in wide, single column)</source>
        <translation>%1 gespeichert (3,25 Zoll breit, einspaltig)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>In the database</source>
        <translation>In der Datenbank</translation>
    </message>
    <message>
        <source>Launched here</source>
        <translation>Hier gestartet</translation>
    </message>
    <message>
        <source>workbench-cli jobs started from this window: progress, ETA, stop, resume</source>
        <translation>Von diesem Fenster gestartete workbench-cli-Jobs: Fortschritt, Restzeit, Stoppen, Fortsetzen</translation>
    </message>
    <message>
        <source>The experiment&apos;s stored spec is not valid JSON; it cannot be edited.</source>
        <translation>Die gespeicherte Spezifikation des Experiments ist kein gültiges JSON; sie kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
</context>
<context>
    <name>wb::RunActions</name>
    <message>
        <source>%1 is still running.</source>
        <translation>%1 läuft noch.</translation>
    </message>
    <message>
        <source>%1 has finished: Re-run trains its experiment again.</source>
        <translation>%1 ist fertig: Erneut ausführen trainiert sein Experiment noch einmal.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 is not running.</source>
        <translation>%1 läuft nicht.</translation>
    </message>
    <message>
        <source>%1 runs on %2: stop it there (Ctrl-C in its terminal, or kill -INT %3).</source>
        <translation>%1 läuft auf %2: Halten Sie ihn dort an (Strg-C in seinem Terminal oder kill -INT %3).</translation>
    </message>
    <message>
        <source>The process of %1 (pid %2) is gone: Resume continues the run from its last checkpoint.</source>
        <translation>Der Prozess von %1 (PID %2) existiert nicht mehr: Fortsetzen setzt den Lauf ab seinem letzten Checkpoint fort.</translation>
    </message>
    <message>
        <source>Process %1 is not a workbench-cli (the pid was reused?): %2 was not stopped.</source>
        <translation>Prozess %1 ist kein workbench-cli (PID wiederverwendet?): %2 wurde nicht angehalten.</translation>
    </message>
    <message>
        <source>Cannot signal process %1: %2.</source>
        <translation>Prozess %1 kann kein Signal gesendet werden: %2.</translation>
    </message>
    <message>
        <source>Asked %1 (pid %2) to stop: it writes a checkpoint and marks the run interrupted.</source>
        <translation>%1 (PID %2) wurde zum Anhalten aufgefordert: Er schreibt einen Checkpoint und markiert den Lauf als unterbrochen.</translation>
    </message>
</context>
<context>
    <name>wb::RunDatabase</name>
    <message>
        <source>No run database yet</source>
        <translation>Noch keine Laufdatenbank</translation>
    </message>
    <message>
        <source>There is no run database at %1 yet.

Start a run with &quot;workbench-cli run SPEC.json&quot;: it appears here within two seconds. Or choose another database with File &gt; Open database…</source>
        <translation>Unter %1 gibt es noch keine Laufdatenbank.

Starten Sie einen Lauf mit „workbench-cli run SPEC.json“: Er erscheint hier innerhalb von zwei Sekunden. Oder wählen Sie mit Datei &gt; Datenbank öffnen… eine andere Datenbank.</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>Cannot show the run database</source>
        <translation>Die Laufdatenbank kann nicht angezeigt werden</translation>
    </message>
</context>
<context>
    <name>wb::RunListModel</name>
    <message>
        <source>%1, pid %2</source>
        <translation>%1, PID %2</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Rechner</translation>
    </message>
</context>
<context>
    <name>wb::RunListWidget</name>
    <message>
        <source>Open in monitor</source>
        <translation>Im Monitor öffnen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Re-run experiment</source>
        <translation>Experiment erneut ausführen</translation>
    </message>
    <message>
        <source>Duplicate and edit…</source>
        <translation>Duplizieren und bearbeiten…</translation>
    </message>
</context>
<context>
    <name>wb::RunMonitorHeader</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>step %1 of %2 (%3%)</source>
        <translation>Schritt %1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>Epoche %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <source>elapsed %1</source>
        <translation>Laufzeit %1</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>Rest ca. %1</translation>
    </message>
    <message>
        <source>best validation loss %1 at step %2</source>
        <translation>bester Validierungsverlust %1 bei Schritt %2</translation>
    </message>
    <message>
        <source>no validation loss yet</source>
        <translation>noch kein Validierungsverlust</translation>
    </message>
    <message>
        <source>overfitting from step %1 (epoch %2)</source>
        <translation>Überanpassung ab Schritt %1 (Epoche %2)</translation>
    </message>
    <message>
        <source>no overfitting detected</source>
        <translation>keine Überanpassung erkannt</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: training.eval_interval)</source>
        <translation>zu wenige Evaluationen, um Overfitting zu erkennen (%1 von %2 nötigen; öfter evaluieren: training.eval_interval)</translation>
    </message>
</context>
<context>
    <name>wb::RunMonitorWidget</name>
    <message>
        <source>against</source>
        <translation>über</translation>
    </message>
    <message>
        <source>smoothing</source>
        <translation>Glättung</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>wall time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Smoothing of the per-step training loss: a debiased exponential moving average, as in TensorBoard; the raw loss stays as a faint shadow</source>
        <translation>Glättung des Trainingsverlusts je Schritt: ein bias-korrigierter exponentieller gleitender Mittelwert wie in TensorBoard; der Rohverlust bleibt als blasser Schatten sichtbar</translation>
    </message>
    <message>
        <source>No loss logged yet.</source>
        <translation>Noch kein Verlust protokolliert.</translation>
    </message>
    <message>
        <source>No learning rate logged yet.</source>
        <translation>Noch keine Lernrate protokolliert.</translation>
    </message>
    <message>
        <source>No throughput logged yet: the trainer logs it at each evaluation.</source>
        <translation>Noch kein Durchsatz protokolliert: Der Trainer schreibt ihn bei jeder Evaluation.</translation>
    </message>
    <message>
        <source>No dropout in this run.</source>
        <translation>Kein Dropout in diesem Lauf.</translation>
    </message>
    <message>
        <source>No downstream evaluation in this run.</source>
        <translation>Keine Downstream-Evaluation in diesem Lauf.</translation>
    </message>
    <message>
        <source>Choose a run to watch it train.</source>
        <translation>Wählen Sie einen Lauf, um sein Training zu verfolgen.</translation>
    </message>
    <message>
        <source>optimizer steps</source>
        <translation>Optimiererschritte</translation>
    </message>
    <message>
        <source>training tokens</source>
        <translation>Trainings-Tokens</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>Laufzeit (s)</translation>
    </message>
    <message>
        <source>Run %1 is not in this database.</source>
        <translation>Lauf %1 ist nicht in dieser Datenbank.</translation>
    </message>
    <message>
        <source>Cannot read run %1: %2</source>
        <translation>Lauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>training loss (per step)</source>
        <translation>Trainingsverlust (je Schritt)</translation>
    </message>
    <message>
        <source>training loss (mean since the last evaluation)</source>
        <translation>Trainingsverlust (Mittel seit der letzten Evaluation)</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>validation loss, %1</source>
        <translation>Validierungsverlust, %1</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>Dropout-Rate</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>residual</source>
        <translation>Residual</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <source>Downstream accuracy</source>
        <translation>Downstream-Genauigkeit</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
</context>
<context>
    <name>wb::RunStatus</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
</context>
<context>
    <name>wb::SpecFieldCatalog</name>
    <message>
        <source>Training corpus: an imported corpus or a built-in recipe (workbench-cli data list).</source>
        <translation>Trainingskorpus: ein importiertes Korpus oder ein eingebautes Rezept (workbench-cli data list).</translation>
    </message>
    <message>
        <source>byte: 256 bytes + EOT; char: the training split&apos;s characters; bpe: SentencePiece BPE trained on the training split.</source>
        <translation>byte: 256 Bytes + EOT; char: die Zeichen des Trainingsteils; bpe: SentencePiece-BPE, auf dem Trainingsteil trainiert.</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>BPE vocabulary size (bpe only). A larger vocabulary shortens the token count of the same text.</source>
        <translation>BPE-Vokabulargröße (nur bpe). Ein größeres Vokabular verkürzt die Token-Zahl desselben Textes.</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Share of the corpus held out as whole documents for the validation loss; never trained on.</source>
        <translation>Anteil des Korpus, der als ganze Dokumente für den Validierungsverlust zurückgehalten wird; nie trainiert.</translation>
    </message>
    <message>
        <source>Which documents are held out for validation.</source>
        <translation>Welche Dokumente für die Validierung zurückgehalten werden.</translation>
    </message>
    <message>
        <source>U: distinct training tokens. At a fixed budget D the run repeats them R = D / U times (Xue et al. 2023&apos;s token crisis). Give this or epochs.</source>
        <translation>U: verschiedene Trainings-Tokens. Bei festem Budget D wiederholt der Lauf sie R = D / U Mal (die Token-Krise bei Xue et al. 2023). Dies oder epochs angeben.</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>R: times each unique token is seen; U = D / R. Up to about 4 epochs are almost as good as unique data; at 16 a repeated token is worth much less (Muennighoff et al. 2023).</source>
        <translation>R: wie oft jedes eindeutige Token gesehen wird; U = D / R. Bis etwa 4 Epochen sind fast so gut wie eindeutige Daten; bei 16 ist ein wiederholtes Token viel weniger wert (Muennighoff et al. 2023).</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Transformer blocks (depth). Larger models overfit sooner when tokens are scarce (Xue et al. 2023).</source>
        <translation>Transformer-Blöcke (Tiefe). Größere Modelle überanpassen früher, wenn Tokens knapp sind (Xue et al. 2023).</translation>
    </message>
    <message>
        <source>heads</source>
        <translation>Köpfe</translation>
    </message>
    <message>
        <source>Attention heads; must divide n_embd.</source>
        <translation>Attention-Köpfe; müssen n_embd teilen.</translation>
    </message>
    <message>
        <source>Model width. Parameters grow with n_layer x n_embd squared (12 C^2 per block).</source>
        <translation>Modellbreite. Die Parameter wachsen mit n_layer x n_embd zum Quadrat (12 C^2 pro Block).</translation>
    </message>
    <message>
        <source>Context length; U is rounded down to whole sequences of this length.</source>
        <translation>Kontextlänge; U wird auf ganze Sequenzen dieser Länge abgerundet.</translation>
    </message>
    <message>
        <source>Biases in Linear layers and LayerNorms (nanoGPT&apos;s bias).</source>
        <translation>Biases in Linear-Schichten und LayerNorms (nanoGPTs bias).</translation>
    </message>
    <message>
        <source>dense GPT; moe: mixture of experts (more parameters at the same FLOPs); shared: ALBERT-style shared blocks (fewer parameters at the same FLOPs). Xue et al. 2023 compare them under repetition.</source>
        <translation>dense: GPT; moe: Mixture of Experts (mehr Parameter bei gleichen FLOPs); shared: geteilte Blöcke wie bei ALBERT (weniger Parameter bei gleichen FLOPs). Xue et al. 2023 vergleichen sie unter Wiederholung.</translation>
    </message>
    <message>
        <source>experts</source>
        <translation>Experten</translation>
    </message>
    <message>
        <source>Experts per MoE layer (arch moe).</source>
        <translation>Experten pro MoE-Schicht (arch moe).</translation>
    </message>
    <message>
        <source>Experts per token: 1 as in Switch, 2 as in GShard.</source>
        <translation>Experten pro Token: 1 wie bei Switch, 2 wie bei GShard.</translation>
    </message>
    <message>
        <source>Every n-th block gets an MoE MLP (2: every other block, as in Switch).</source>
        <translation>Jeder n-te Block erhält ein MoE-MLP (2: jeder zweite Block, wie bei Switch).</translation>
    </message>
    <message>
        <source>Expert capacity = factor x tokens x top_k / n_expert; assignments beyond it are dropped. 0: no limit.</source>
        <translation>Expertenkapazität = Faktor x Tokens x top_k / n_expert; Zuweisungen darüber hinaus werden verworfen. 0: keine Grenze.</translation>
    </message>
    <message>
        <source>Weight of Switch&apos;s load-balancing loss.</source>
        <translation>Gewicht des Lastausgleichsverlusts von Switch.</translation>
    </message>
    <message>
        <source>Weight of the router z-loss (ST-MoE).</source>
        <translation>Gewicht des Router-z-Verlusts (ST-MoE).</translation>
    </message>
    <message>
        <source>Hidden units of each expert MLP; 0: 4 x n_embd. 4 x n_embd / top_k gives the dense model&apos;s FLOPs per token.</source>
        <translation>Verborgene Einheiten jedes Experten-MLP; 0: 4 x n_embd. 4 x n_embd / top_k ergibt die FLOPs pro Token des dichten Modells.</translation>
    </message>
    <message>
        <source>arch shared: groups of consecutive blocks that share one set of weights; must divide n_layer (1: all share).</source>
        <translation>arch shared: Gruppen aufeinanderfolgender Blöcke, die einen Satz Gewichte teilen; muss n_layer teilen (1: alle teilen).</translation>
    </message>
    <message>
        <source>Peak learning rate after warmup.</source>
        <translation>Maximale Lernrate nach dem Warmup.</translation>
    </message>
    <message>
        <source>The LR the schedule decays to (Ibrahim et al. 2024 re-decay to 0.1 x the peak).</source>
        <translation>Die LR, auf die der Zeitplan abfällt (Ibrahim et al. 2024 fallen erneut auf 0,1 x Maximum ab).</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Linear warmup; re-warming a continued run uses about 1% of its steps (Ibrahim et al. 2024).</source>
        <translation>Linearer Warmup; das erneute Aufwärmen eines fortgesetzten Laufs nutzt etwa 1 % seiner Schritte (Ibrahim et al. 2024).</translation>
    </message>
    <message>
        <source>Step where the decay reaches min_lr; 0: the run&apos;s last step.</source>
        <translation>Schritt, an dem der Abfall min_lr erreicht; 0: der letzte Schritt des Laufs.</translation>
    </message>
    <message>
        <source>Shape after warmup. infinite: warmup, cooldown to constant_lr, constant, then a short anneal, so a run can continue across dataset switches without re-warming (Ibrahim et al. 2024).</source>
        <translation>Form nach dem Warmup. infinite: Warmup, Abkühlen auf constant_lr, konstant, dann kurzes Annealing, sodass ein Lauf über Datensatzwechsel hinweg ohne erneutes Aufwärmen weiterlaufen kann (Ibrahim et al. 2024).</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay on Linear weights. Xue et al. 2023 found that it destabilized training under repetition.</source>
        <translation>Entkoppelter AdamW-Weight-Decay auf Linear-Gewichten. Xue et al. 2023 fanden, dass er das Training unter Wiederholung destabilisierte.</translation>
    </message>
    <message>
        <source>AdamW beta1, in [0, 1).</source>
        <translation>AdamW beta1, in [0, 1).</translation>
    </message>
    <message>
        <source>AdamW beta2, in [0, 1).</source>
        <translation>AdamW beta2, in [0, 1).</translation>
    </message>
    <message>
        <source>Maximum global gradient norm; 0 disables clipping.</source>
        <translation>Maximale globale Gradientennorm; 0 schaltet das Clipping ab.</translation>
    </message>
    <message>
        <source>LR the warmup starts from: a continued run can re-warm from its predecessor&apos;s final LR.</source>
        <translation>LR, bei der das Warmup beginnt: ein fortgesetzter Lauf kann von der letzten LR seines Vorgängers aus erneut aufwärmen.</translation>
    </message>
    <message>
        <source>infinite: the plateau LR; 0: the peak lr.</source>
        <translation>infinite: die Plateau-LR; 0: die maximale lr.</translation>
    </message>
    <message>
        <source>infinite: steps from lr down to constant_lr after warmup.</source>
        <translation>infinite: Schritte von lr hinab zu constant_lr nach dem Warmup.</translation>
    </message>
    <message>
        <source>infinite: shape of the cooldown.</source>
        <translation>infinite: Form des Abkühlens.</translation>
    </message>
    <message>
        <source>infinite: steps from constant_lr down to min_lr; 0: never anneal.</source>
        <translation>infinite: Schritte von constant_lr hinab zu min_lr; 0: nie annealen.</translation>
    </message>
    <message>
        <source>infinite: shape of the anneal.</source>
        <translation>infinite: Form des Annealings.</translation>
    </message>
    <message>
        <source>infinite: step the anneal starts; -1: the run&apos;s last anneal_steps steps.</source>
        <translation>infinite: Schritt, an dem das Annealing beginnt; -1: die letzten anneal_steps Schritte des Laufs.</translation>
    </message>
    <message>
        <source>D: total training tokens, = U x R. Chinchilla&apos;s compute-optimal budget is about 20 tokens per parameter (Hoffmann et al. 2022).</source>
        <translation>D: Trainings-Tokens insgesamt, = U x R. Das rechenoptimale Budget von Chinchilla liegt bei etwa 20 Tokens pro Parameter (Hoffmann et al. 2022).</translation>
    </message>
    <message>
        <source>sequences</source>
        <translation>Sequenzen</translation>
    </message>
    <message>
        <source>Sequences per micro-batch (per process).</source>
        <translation>Sequenzen pro Mikro-Batch (pro Prozess).</translation>
    </message>
    <message>
        <source>Micro-batches per optimizer step; tokens per step = batch_size x block_size x grad_accum.</source>
        <translation>Mikro-Batches pro Optimierungsschritt; Tokens pro Schritt = batch_size x block_size x grad_accum.</translation>
    </message>
    <message>
        <source>Initialization, dropout, and which U tokens are chosen and in what order. Sweep it to see run-to-run noise.</source>
        <translation>Initialisierung, Dropout und welche U Tokens in welcher Reihenfolge gewählt werden. Variieren, um das Rauschen zwischen Läufen zu sehen.</translation>
    </message>
    <message>
        <source>Steps between validation evaluations; the overfitting onset is found at this resolution.</source>
        <translation>Schritte zwischen Validierungen; der Beginn der Überanpassung wird in dieser Auflösung gefunden.</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Fixed validation batches per evaluation (the same windows every time).</source>
        <translation>Feste Validierungs-Batches pro Evaluierung (jedes Mal dieselben Fenster).</translation>
    </message>
    <message>
        <source>Steps between checkpoints; 0: only at the end.</source>
        <translation>Schritte zwischen Checkpoints; 0: nur am Ende.</translation>
    </message>
    <message>
        <source>auto picks CUDA (bf16 autocast) when available.</source>
        <translation>auto wählt CUDA (bf16-Autocast), wenn verfügbar.</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>LibTorch intra-op threads; 0: all cores.</source>
        <translation>LibTorch-Intra-Op-Threads; 0: alle Kerne.</translation>
    </message>
    <message>
        <source>Replay each step&apos;s forward and backward from a CUDA graph: one launch per step instead of hundreds, which small models on a GPU wait for. Dense or shared models, causal objective; on several ranks the gradients are all-reduced after the replay; no effect on the CPU.</source>
        <translation>Vorwärts- und Rückwärtsdurchlauf jedes Schritts aus einem CUDA-Graphen wiedergeben: ein Start pro Schritt statt Hunderter, worauf kleine Modelle auf einer GPU warten. Dichte oder geteilte Modelle, kausales Ziel; auf mehreren Rängen werden die Gradienten nach der Wiedergabe gemittelt; auf der CPU ohne Wirkung.</translation>
    </message>
    <message>
        <source>Training objective on the decoder. Under repetition UL2 degrades more than span corruption (Xue et al. 2023). Losses of different objectives are not comparable.</source>
        <translation>Trainingsziel auf dem Decoder. Unter Wiederholung verschlechtert sich UL2 stärker als Span Corruption (Xue et al. 2023). Verluste verschiedener Ziele sind nicht vergleichbar.</translation>
    </message>
    <message>
        <source>Span corruption: share of tokens corrupted (T5: 15%).</source>
        <translation>Span Corruption: Anteil verfälschter Tokens (T5: 15 %).</translation>
    </message>
    <message>
        <source>Span corruption: mean noise span length (T5: 3).</source>
        <translation>Span Corruption: mittlere Länge der Rauschspannen (T5: 3).</translation>
    </message>
    <message>
        <source>Masked LM: share of positions predicted (BERT: 15%).</source>
        <translation>Masked LM: Anteil vorhergesagter Positionen (BERT: 15 %).</translation>
    </message>
    <message>
        <source>Dropout on attention, residual branches and embeddings. The regularization that helps most against repetition; best 0.2-0.3 on MoE proxies (Xue et al. 2023).</source>
        <translation>Dropout auf Attention, Residualzweigen und Embeddings. Die Regularisierung, die gegen Wiederholung am meisten hilft; am besten 0,2-0,3 auf MoE-Stellvertretern (Xue et al. 2023).</translation>
    </message>
    <message>
        <source>Dropout on attention weights; overrides rate.</source>
        <translation>Dropout auf Attention-Gewichten; überschreibt rate.</translation>
    </message>
    <message>
        <source>Dropout on the attention and MLP outputs; overrides rate.</source>
        <translation>Dropout auf den Ausgaben von Attention und MLP; überschreibt rate.</translation>
    </message>
    <message>
        <source>Dropout on the embeddings; overrides rate.</source>
        <translation>Dropout auf den Embeddings; überschreibt rate.</translation>
    </message>
    <message>
        <source>When dropout is on. dropstage: off until start, then on; it reaches constant dropout&apos;s result with faster early training (Xue et al. 2023).</source>
        <translation>Wann Dropout aktiv ist. dropstage: bis start aus, dann an; erreicht das Ergebnis konstanten Dropouts bei schnellerem frühem Training (Xue et al. 2023).</translation>
    </message>
    <message>
        <source>Where dropstage switches dropout on, or linear starts rising, in the dropout unit.</source>
        <translation>Wo dropstage den Dropout einschaltet oder linear zu steigen beginnt, in der Dropout-Einheit.</translation>
    </message>
    <message>
        <source>Where linear reaches the full rate, or early switches dropout off, in the dropout unit.</source>
        <translation>Wo linear die volle Rate erreicht oder early den Dropout abschaltet, in der Dropout-Einheit.</translation>
    </message>
    <message>
        <source>Unit of start and end: fraction of the run, steps, tokens or epochs of the run&apos;s corpus.</source>
        <translation>Einheit von start und end: Anteil des Laufs, Schritte, Tokens oder Epochen des Korpus des Laufs.</translation>
    </message>
    <message>
        <source>Stochastic depth (Huang et al. 2016): rate of the last block, rising from 0 at the first. Helped a little in Xue et al. 2023.</source>
        <translation>Stochastische Tiefe (Huang et al. 2016): Rate des letzten Blocks, ab 0 beim ersten ansteigend. Half bei Xue et al. 2023 ein wenig.</translation>
    </message>
    <message>
        <source>Label smoothing of the training loss; helped a little in Xue et al. 2023. The validation loss is never smoothed.</source>
        <translation>Label Smoothing des Trainingsverlusts; half bei Xue et al. 2023 ein wenig. Der Validierungsverlust wird nie geglättet.</translation>
    </message>
    <message>
        <source>Further validation corpora, comma-separated: logs their loss and forgetting (its rise since the first evaluation).</source>
        <translation>Weitere Validierungskorpora, durch Kommas getrennt: protokolliert ihren Verlust und das Vergessen (seinen Anstieg seit der ersten Evaluierung).</translation>
    </message>
    <message>
        <source>Built-in downstream tasks, comma-separated: cloze (LAMBADA-style), next_passage (HellaSwag-style).</source>
        <translation>Eingebaute Downstream-Aufgaben, durch Kommas getrennt: cloze (wie LAMBADA), next_passage (wie HellaSwag).</translation>
    </message>
    <message>
        <source>Multiple-choice JSONL files, comma-separated, scored as lm-evaluation-harness does.</source>
        <translation>Multiple-Choice-JSONL-Dateien, durch Kommas getrennt, bewertet wie in lm-evaluation-harness.</translation>
    </message>
    <message>
        <source>examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Examples per built-in task.</source>
        <translation>Beispiele pro eingebauter Aufgabe.</translation>
    </message>
    <message>
        <source>evaluations</source>
        <translation>Evaluierungen</translation>
    </message>
    <message>
        <source>Score downstream tasks at every n-th evaluation (and at the last).</source>
        <translation>Downstream-Aufgaben bei jeder n-ten Evaluierung (und bei der letzten) bewerten.</translation>
    </message>
    <message>
        <source>Which examples the built-in tasks draw.</source>
        <translation>Welche Beispiele die eingebauten Aufgaben ziehen.</translation>
    </message>
    <message>
        <source>Relative rise of the smoothed validation loss over its best that counts as the onset of overfitting.</source>
        <translation>Relativer Anstieg des geglätteten Validierungsverlusts über sein Bestes, der als Beginn der Überanpassung gilt.</translation>
    </message>
    <message>
        <source>Evaluations the rise must last before the onset is reported.</source>
        <translation>Evaluierungen, die der Anstieg andauern muss, bevor der Beginn gemeldet wird.</translation>
    </message>
    <message>
        <source>EMA weight of the past in the smoothed validation loss.</source>
        <translation>EMA-Gewicht der Vergangenheit im geglätteten Validierungsverlust.</translation>
    </message>
    <message>
        <source>Continue from this finished run&apos;s checkpoint (id or name): a stage of continual pre-training.</source>
        <translation>Vom Checkpoint dieses abgeschlossenen Laufs fortsetzen (ID oder Name): eine Stufe fortgesetzten Vortrainings.</translation>
    </message>
    <message>
        <source>reset: fresh AdamW moments; keep: the checkpoint&apos;s.</source>
        <translation>reset: frische AdamW-Momente; keep: die des Checkpoints.</translation>
    </message>
    <message>
        <source>An earlier corpus to replay, against forgetting it (Ibrahim et al. 2024).</source>
        <translation>Ein früheres Korpus zum Wiederholen (Replay), gegen sein Vergessen (Ibrahim et al. 2024).</translation>
    </message>
    <message>
        <source>Share of every batch drawn from the replay corpus, replacing new tokens at equal compute. 5% suffices for a weak shift; a strong shift (English to German) needs about 25% (Ibrahim et al. 2024).</source>
        <translation>Anteil jedes Batches aus dem Replay-Korpus, der bei gleichem Rechenaufwand neue Tokens ersetzt. 5 % genügen bei schwacher Verschiebung; eine starke (Englisch nach Deutsch) braucht etwa 25 % (Ibrahim et al. 2024).</translation>
    </message>
    <message>
        <source>Train the vocabulary on these corpora, comma-separated, so that every stage of a continual pre-training experiment shares one vocabulary.</source>
        <translation>Das Vokabular auf diesen Korpora trainieren (durch Kommas getrennt), damit alle Stufen eines Experiments mit fortgesetztem Vortraining ein Vokabular teilen.</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>Erlaubt: %1</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Optimizer and LR schedule</source>
        <translation>Optimierer und LR-Zeitplan</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Trainingsziel</translation>
    </message>
    <message>
        <source>Regularization and dropout</source>
        <translation>Regularisierung und Dropout</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>Continual pre-training</source>
        <translation>Fortgesetztes Vortraining</translation>
    </message>
</context>
<context>
    <name>wb::SummaryTableModel</name>
    <message>
        <source>Final validation loss against the run with the fewest epochs among runs that differ only in repetition (same budget, model and settings)</source>
        <translation>Finaler Validierungsverlust gegenüber dem Lauf mit den wenigsten Epochen unter den Läufen, die sich nur in der Wiederholung unterscheiden (gleiches Budget, Modell und Einstellungen)</translation>
    </message>
    <message>
        <source>No overfitting detected: the smoothed validation loss never rose past the threshold</source>
        <translation>Keine Überanpassung erkannt: Der geglättete Validierungsverlust stieg nie über die Schwelle</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Unique tokens</source>
        <translation>Eindeutige Tokens</translation>
    </message>
    <message>
        <source>Final val. loss</source>
        <translation>Finaler Val.-Verlust</translation>
    </message>
    <message>
        <source>Best val. loss</source>
        <translation>Bester Val.-Verlust</translation>
    </message>
    <message>
        <source>Best at step</source>
        <translation>Bestwert bei Schritt</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>ggü. Basislauf</translation>
    </message>
    <message>
        <source>Too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: training.eval_interval)</source>
        <translation>Zu wenige Evaluationen, um Overfitting zu erkennen (%1 von %2 nötigen; öfter evaluieren: training.eval_interval)</translation>
    </message>
    <message>
        <source>Validation loss rose for good after step %1 (epoch %2); the best was at step %3</source>
        <translation>Der Validierungsverlust stieg nach Schritt %1 (Epoche %2) dauerhaft; der Bestwert lag bei Schritt %3</translation>
    </message>
    <message>
        <source>Overfits after step</source>
        <translation>Überanpassung nach Schritt</translation>
    </message>
</context>
<context>
    <name>wb::SummaryTableWidget</name>
    <message>
        <source>Filter runs (name, factor level, status)…</source>
        <translation>Läufe filtern (Name, Faktorstufe, Status)…</translation>
    </message>
</context>
</TS>
