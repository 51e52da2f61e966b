#include "data/DocumentSchema.h"

#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <map>

namespace ledger::data {

namespace {

// Version 1: the portfolio of MODEL.md section 2 and the source of every assumption.
const QStringList kVersion1 = {
    R"sql(CREATE TABLE portfolio (
        id INTEGER PRIMARY KEY CHECK (id = 1),    -- exactly one row
        name TEXT NOT NULL,
        notes TEXT NOT NULL,                      -- free text: where the figures come from
        currency TEXT NOT NULL,                   -- ISO 4217
        valuation_date TEXT NOT NULL,             -- YYYY-MM-DD, t0
        discount_rate REAL NOT NULL,              -- assumptions.discount_rate
        tax_rate REAL NOT NULL,                   -- assumptions.tax_rate
        horizon_end TEXT,                         -- NULL: the latest item end
        has_alternatives INTEGER NOT NULL,        -- 0: one alternative per item (none listed)
        simulation_paths INTEGER NOT NULL,
        simulation_seed INTEGER NOT NULL,
        gpu_trend_per_year REAL NOT NULL,         -- market.gpu_price
        gpu_reversion_per_year REAL NOT NULL,
        gpu_volatility REAL NOT NULL,
        has_next_generation INTEGER NOT NULL,     -- 0: the next_generation columns are NULL
        launch_earliest TEXT,
        launch_mode TEXT,
        launch_latest TEXT,
        price_drop_min REAL,
        price_drop_max REAL,
        utilization_reversion_per_year REAL NOT NULL,
        utilization_volatility REAL NOT NULL,
        power_reversion_per_year REAL NOT NULL,
        power_volatility REAL NOT NULL,
        correlation TEXT NOT NULL,                -- 9 numbers, row-major, each in shortest exact form
        replacement_premium REAL NOT NULL,
        on_demand_premium REAL NOT NULL,
        spot_covers TEXT                          -- alternative id, NULL: the first alternative
    ))sql",
    R"sql(CREATE TABLE skus (
        position INTEGER NOT NULL,                -- order in the file
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        perf_index REAL NOT NULL,                 -- H100 = 1.0
        market_price_per_gpu_hour REAL NOT NULL,
        capex_per_gpu REAL NOT NULL,
        it_kw_per_gpu REAL NOT NULL,
        notes TEXT NOT NULL
    ))sql",
    R"sql(CREATE TABLE contracts (
        position INTEGER NOT NULL,
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        provider TEXT NOT NULL,
        sku TEXT NOT NULL,                        -- a skus.id or a bundled SKU id
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,                   -- inclusive
        price_per_gpu_hour REAL,                  -- exactly one of price and total_contract_value
        total_contract_value REAL,
        escalator REAL NOT NULL,
        take_or_pay REAL NOT NULL,
        prepayment REAL NOT NULL,
        payment_terms_days INTEGER NOT NULL,
        provider_default_hazard REAL NOT NULL,
        recovery_rate REAL NOT NULL,
        has_utilization INTEGER NOT NULL,         -- 1: utilization_points with owner = id override
        notes TEXT NOT NULL
    ))sql",
    R"sql(CREATE TABLE tranches (
        contract_id TEXT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT NOT NULL,
        gpus REAL NOT NULL,
        PRIMARY KEY (contract_id, position)
    ))sql",
    R"sql(CREATE TABLE fleets (
        position INTEGER NOT NULL,
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sku TEXT NOT NULL,
        gpus REAL NOT NULL,
        in_service TEXT NOT NULL,
        end_date TEXT,                            -- NULL: in_service + book life
        capex_per_gpu REAL,                       -- NULL: the SKU value
        overhead_fraction REAL NOT NULL,
        it_kw_per_gpu REAL,                       -- NULL: the SKU value
        pue REAL NOT NULL,
        power_price_per_mwh REAL NOT NULL,
        power_escalator REAL NOT NULL,
        idle_power_fraction REAL NOT NULL,
        colocation_per_kw_month REAL NOT NULL,
        opex_fraction_per_year REAL NOT NULL,
        residual_fraction REAL,                   -- NULL: the book salvage fraction
        book_method TEXT NOT NULL,                -- straight_line, declining_balance, ...
        book_life_years INTEGER,
        book_salvage_fraction REAL NOT NULL,
        book_factor REAL NOT NULL,
        book_bonus_fraction REAL NOT NULL,
        tax_method TEXT NOT NULL,
        tax_life_years INTEGER,
        tax_salvage_fraction REAL NOT NULL,
        tax_factor REAL NOT NULL,
        tax_bonus_fraction REAL NOT NULL,
        has_utilization INTEGER NOT NULL,
        notes TEXT NOT NULL
    ))sql",
    R"sql(CREATE TABLE utilization_points (
        owner TEXT NOT NULL,                      -- empty for the portfolio curve, else an item id
        position INTEGER NOT NULL,
        date TEXT NOT NULL,
        value REAL NOT NULL,
        PRIMARY KEY (owner, position)
    ))sql",
    R"sql(CREATE TABLE alternatives (
        position INTEGER NOT NULL,
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL
    ))sql",
    R"sql(CREATE TABLE alternative_items (
        alternative_id TEXT NOT NULL REFERENCES alternatives(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        item_id TEXT NOT NULL,                    -- a contracts.id or fleets.id
        PRIMARY KEY (alternative_id, position)
    ))sql",
    R"sql(CREATE TABLE sources (
        path TEXT PRIMARY KEY,                    -- JSON path of the assumption
        source TEXT NOT NULL                      -- where the number comes from
    ))sql",
};

// Version 2: Monte Carlo runs stored with the document, so a report can cite what it shows.
const QStringList kVersion2 = {
    R"sql(CREATE TABLE simulation_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        created TEXT NOT NULL,                    -- UTC, ISO 8601
        inputs_hash TEXT NOT NULL,                -- SHA-256 of the portfolio canonical JSON
        seed INTEGER NOT NULL,
        paths INTEGER NOT NULL,
        device TEXT NOT NULL,                     -- gpu: <name> or cpu (<instruction set>)
        seconds REAL NOT NULL,
        statistics TEXT NOT NULL                  -- the simulation JSON of evaluate --simulate
    ))sql",
    // SHA-256 of the portfolio canonical JSON, checked on open: SQLite checks its pages, this checks
    // the numbers in them. NULL in documents migrated from version 1 until their next save.
    R"sql(ALTER TABLE portfolio ADD COLUMN content_sha256 TEXT)sql",
};

// Version 3: the checksum is always there. No statement: the migration writes the checksum of the
// numbers it has just read and checked (CledgerDocument.cpp), so that a NULL checksum in a current
// document is damage, where versions 2 could leave it NULL after migrating a version-1 file.
const QStringList kVersion3 = {};

// Version 4: the deal library id a contract was added from (issue 17: a deal is not added twice).
const QStringList kVersion4 = {
    R"sql(ALTER TABLE contracts ADD COLUMN deal TEXT NOT NULL DEFAULT '')sql",
};

// Version 5: the demand every alternative meets (MODEL.md 8) and its uncertainty.
const QStringList kVersion5 = {
    R"sql(CREATE TABLE demand_points (
        position INTEGER PRIMARY KEY,             -- order on the curve
        date TEXT NOT NULL,                       -- from this day on ...
        gpus REAL NOT NULL                        -- ... this many GPUs of demand_sku are needed
    ))sql",
    R"sql(ALTER TABLE portfolio ADD COLUMN demand_sku TEXT)sql", // NULL: no demand
    R"sql(ALTER TABLE portfolio ADD COLUMN demand_reversion_per_year REAL NOT NULL DEFAULT 2.0)sql",
    R"sql(ALTER TABLE portfolio ADD COLUMN demand_volatility REAL NOT NULL DEFAULT 0.0)sql",
};

// Version 6: fiscal years (MODEL.md 1 v2): the month they end in, NULL for calendar years.
const QStringList kVersion6 = {
    R"sql(ALTER TABLE portfolio ADD COLUMN fiscal_year_end_month INTEGER)sql",
};

// Version 7: a contract that is a lease (MODEL.md 9): NULL in both for a service contract.
const QStringList kVersion7 = {
    R"sql(ALTER TABLE contracts ADD COLUMN lease_classification TEXT)sql",
    R"sql(ALTER TABLE contracts ADD COLUMN lease_incremental_borrowing_rate REAL)sql",
};

// Version 8: the tornado's low and high settings the user set (MODEL.md 7, issue 19); an input
// without a row takes its default (core/portfolio/SensitivityInputs.h).
const QStringList kVersion8 = {
    R"sql(CREATE TABLE sensitivity_ranges (
        input TEXT PRIMARY KEY,                   -- the input's id, "contract_prices"
        low REAL NOT NULL,                        -- its low setting (a factor, points or a rate per year)
        high REAL NOT NULL                        -- its high setting
    ))sql",
};

// Version 9: the day a contract's provider defaults, a stress (docs/model.md 12.7); NULL: none.
const QStringList kVersion9 = {
    R"sql(ALTER TABLE contracts ADD COLUMN default_date TEXT)sql", // YYYY-MM-DD
};

// Version 10: named scenarios (issue 21; docs/file-format.md, "Scenarios"), each a list of overrides of
// the base case, applied in order. Tables of their own: a document of version 9 gains them empty.
const QStringList kVersion10 = {
    R"sql(CREATE TABLE scenarios (
        position INTEGER PRIMARY KEY,             -- order in the file (the matrix's rows)
        name TEXT NOT NULL UNIQUE,                -- what the window and the reports call it
        description TEXT NOT NULL,                -- what it stands for; empty: none
        source TEXT NOT NULL                      -- where it comes from; empty: none
    ))sql",
    R"sql(CREATE TABLE scenario_overrides (
        scenario INTEGER NOT NULL REFERENCES scenarios(position) ON DELETE CASCADE,
        position INTEGER NOT NULL,                -- order within the scenario: applied in this order
        path TEXT NOT NULL,                       -- the input, a JSON Pointer (core/portfolio/InputPath.h)
        value TEXT NOT NULL,                      -- its value as compact JSON text; "null": its default
        PRIMARY KEY (scenario, position)
    ))sql",
};

// Version 11: a forward curve of the GPU rental price (docs/model.md 12.2), replacing the trend where
// it has points. A document of version 10 gains it empty: the trend as before.
const QStringList kVersion11 = {
    R"sql(CREATE TABLE gpu_forward_points (
        position INTEGER PRIMARY KEY,             -- order on the curve (dates increasing)
        date TEXT NOT NULL,                       -- on this day ...
        price REAL NOT NULL                       -- ... the price per GPU-hour of gpu_forward_sku, or an index level
    ))sql",
    R"sql(ALTER TABLE portfolio ADD COLUMN gpu_forward_sku TEXT)sql", // NULL: an index level, or no curve
};

// Version 12: what a default costs beyond the hours' price, and the uncertainty of a fleet's capex and
// resale (docs/model.md 12.7, 12.13). NULL: none, as before.
const QStringList kVersion12 = {
    R"sql(ALTER TABLE contracts ADD COLUMN default_disruption_cost_per_gpu REAL)sql",
    R"sql(ALTER TABLE contracts ADD COLUMN replacement_delay_months REAL)sql",
    R"sql(ALTER TABLE fleets ADD COLUMN capex_min_per_gpu REAL)sql",
    R"sql(ALTER TABLE fleets ADD COLUMN capex_max_per_gpu REAL)sql",
    R"sql(ALTER TABLE fleets ADD COLUMN residual_volatility REAL)sql",
    R"sql(ALTER TABLE portfolio ADD COLUMN scarcity_premium REAL NOT NULL DEFAULT 1.0)sql",
};

// Version 13: a fleet's delivery delay (docs/model.md 12.14). NULL: delivered on time, as before.
const QStringList kVersion13 = {
    R"sql(ALTER TABLE fleets ADD COLUMN delivery_delay_min_months REAL)sql",
    R"sql(ALTER TABLE fleets ADD COLUMN delivery_delay_mode_months REAL)sql",
    R"sql(ALTER TABLE fleets ADD COLUMN delivery_delay_max_months REAL)sql",
};

// Version 14: a contract's options (docs/model.md 17), each valued by least-squares Monte Carlo. A
// document of version 13 gains the table empty: no options, as before.
const QStringList kVersion14 = {
    R"sql(CREATE TABLE contract_options (
        contract_id TEXT NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,                -- order within the contract
        id TEXT NOT NULL UNIQUE,                  -- unique among the portfolio's options
        type TEXT NOT NULL,                       -- extend, expand or terminate
        exercise_date TEXT NOT NULL,              -- the one day the customer decides
        new_end TEXT,                             -- extend: the new last day
        start_date TEXT,                          -- expand: the added GPUs' first day
        end_date TEXT,                            -- expand: their last day; NULL: the contract's end
        gpus REAL,                                -- expand: GPUs added; extend: NULL = the last tranche's
        price_per_gpu_hour REAL,                  -- extend, expand: the price, or ...
        price_factor REAL,                        -- ... x the contract's price then
        lead_time_days INTEGER,                   -- expand: NULL = 0
        fee REAL,                                 -- terminate: paid on the exercise date
        notes TEXT NOT NULL,
        PRIMARY KEY (contract_id, position)
    ))sql",
};

// The schema as SQLite lists it, one entry per table, index and trigger, with its statement.
QStringList schemaEntries(QSqlDatabase& db) {
    QStringList entries;
    QSqlQuery q(db);
    if (!q.exec("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
        return {"unreadable: " + sqliteProblem(q.lastError())};
    while (q.next())
        entries << q.value(0).toString() + '\x1f' + q.value(1).toString() + '\x1f' + q.value(2).toString() +
                       '\x1f' + q.value(3).toString();
    return entries;
}

} // namespace

QString sqliteProblem(const QSqlError& e) {
    const QString database = e.databaseText().trimmed();
    return database.isEmpty() ? e.text().trimmed() : database;
}

bool migrateSchema(QSqlDatabase& db, int from, int to, QString* error) {
    const QStringList* steps[] = {&kVersion1,  &kVersion2,  &kVersion3,  &kVersion4, &kVersion5,
                                  &kVersion6,  &kVersion7,  &kVersion8,  &kVersion9, &kVersion10,
                                  &kVersion11, &kVersion12, &kVersion13, &kVersion14};
    for (int version = from; version < to; ++version) {
        for (const QString& statement : *steps[version]) {
            QSqlQuery q(db);
            if (!q.exec(statement)) {
                *error = QString("schema migration to version %1 failed: %2")
                             .arg(version + 1)
                             .arg(sqliteProblem(q.lastError()));
                return false;
            }
        }
    }
    return true;
}

QString schemaDifference(QSqlDatabase& db, int version) {
    // The reference is made by the very statements that made every document of that version.
    static QMutex mutex;
    static std::map<int, QStringList> expected;
    QStringList reference;
    {
        const QMutexLocker lock(&mutex);
        if (!expected.count(version)) {
            const QString name = "computeledger-schema-reference-" + QString::number(version);
            {
                QSqlDatabase memory = QSqlDatabase::addDatabase("QSQLITE", name);
                memory.setDatabaseName(":memory:");
                QString error;
                if (!memory.open() || !migrateSchema(memory, 0, version, &error))
                    return "the reference schema cannot be made: " + error;
                expected[version] = schemaEntries(memory);
                memory.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        reference = expected[version];
    }
    const QStringList actual = schemaEntries(db);
    auto describe = [](const QString& entry) {
        const QStringList parts = entry.split('\x1f');
        return QString("%1 \"%2\"").arg(parts.value(0), parts.value(1));
    };
    for (const QString& entry : actual) {
        if (!reference.contains(entry)) {
            const QString name = entry.section('\x1f', 0, 1);
            for (const QString& ours : reference) {
                if (ours.section('\x1f', 0, 1) == name)
                    return "its " + describe(entry) + " is not defined as ComputeLedger defines it";
            }
            return "it holds a " + describe(entry) + " that ComputeLedger does not make";
        }
    }
    for (const QString& entry : reference) {
        if (!actual.contains(entry))
            return "it lacks the " + describe(entry) + " that ComputeLedger makes";
    }
    return {};
}

} // namespace ledger::data
