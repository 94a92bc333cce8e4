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
    <message>
        <source>queued</source>
        <translation>wartend</translation>
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
        <source>training loss (evaluation)</source>
        <translation>Trainingsverlust (Evaluation)</translation>
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
        <source>Validation loss rose from here on (best at step %1)</source>
        <translation>Ab hier stieg der Validierungsverlust (Bestwert bei Schritt %1)</translation>
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
        <source>Overfits at epoch</source>
        <translation>Überanpassung ab Epoche</translation>
    </message>
    <message>
        <source>vs baseline</source>
        <translation>ggü. Basislauf</translation>
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
