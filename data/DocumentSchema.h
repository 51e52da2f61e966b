#pragma once
// The .cledger schema (an SQLite "application file format" document): every table with a comment
// on every column, and the forward migrations from one schema version to the next.
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace ledger::data {

// PRAGMA application_id of a .cledger file: "CLDG".
constexpr int kApplicationId = 0x434C4447;
// PRAGMA user_version this build writes; files with a lower version are migrated forward on open.
constexpr int kSchemaVersion = 14;

// SQLite's own words ("database disk image is malformed"), without the driver's "Unable to execute
// statement" that Qt appends.
QString sqliteProblem(const QSqlError& e);

// Runs the migrations that take a database from schema `from` to `to` (0 = empty file). The caller
// holds the transaction. Returns false and sets *error on failure.
bool migrateSchema(QSqlDatabase& db, int from, int to, QString* error);

// How the database's schema differs from the one `version` has when this build made it ("it holds a
// trigger \"t\" that ComputeLedger does not make"), or empty when it is exactly ours. A trigger, a
// view, an extra table, index or column would run or change something on every save.
QString schemaDifference(QSqlDatabase& db, int version);

} // namespace ledger::data
