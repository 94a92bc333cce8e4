// The scaling_fits table: fits of scaling laws to runs, saved by name so that later runs can be
// predicted and plotted against them (`workbench-cli scaling fit --save`, `scaling predict --fit`).
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/run_store_impl.hpp"
#include "store/store_errors.hpp"

namespace wb {
namespace {

using store_detail::guarded;

constexpr const char* kSelectFits =
    "SELECT id, name, law, parameters_json, observations_json, source, created_at FROM scaling_fits";

FitRow read_fit(SQLite::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getText(), q.getColumn(2).getText(),
          q.getColumn(3).getText(),  q.getColumn(4).getText(), q.getColumn(5).getText(),
          q.getColumn(6).getText()};
}

}  // namespace

std::int64_t RunStore::save_fit(const FitRow& fit) {
  impl_->require_writable("save a scaling-law fit");
  return guarded(impl_->path, "save scaling-law fit \"" + fit.name + "\"", [&] {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement remove(impl_->db, "DELETE FROM scaling_fits WHERE name = ?");
    remove.bind(1, fit.name);
    remove.exec();
    SQLite::Statement insert(impl_->db,
                             "INSERT INTO scaling_fits (name, law, parameters_json, observations_json, source,"
                             " created_at) VALUES (?, ?, ?, ?, ?, " WB_NOW_UTC ")");
    insert.bind(1, fit.name);
    insert.bind(2, fit.law);
    insert.bind(3, fit.parameters_json);
    insert.bind(4, fit.observations_json);
    insert.bind(5, fit.source);
    insert.exec();
    const std::int64_t id = impl_->db.getLastInsertRowid();
    transaction.commit();
    return id;
  });
}

std::vector<FitRow> RunStore::fits() const {
  return guarded(impl_->path, "list scaling-law fits", [&] {
    SQLite::Statement q(impl_->db, std::string(kSelectFits) + " ORDER BY id");
    std::vector<FitRow> rows;
    while (q.executeStep()) rows.push_back(read_fit(q));
    return rows;
  });
}

std::optional<FitRow> RunStore::find_fit(const std::string& name) const {
  return guarded(impl_->path, "read scaling-law fit \"" + name + "\"", [&]() -> std::optional<FitRow> {
    SQLite::Statement q(impl_->db, std::string(kSelectFits) + " WHERE name = ?");
    q.bind(1, name);
    if (!q.executeStep()) return std::nullopt;
    return read_fit(q);
  });
}

}  // namespace wb
