#!/usr/bin/env python3
"""Writes the bad-input corpus (tests/data/bad/) from the bundled example portfolio.

Each case is one file that a user could plausibly hand the app; expected.tsv holds, for each file,
the text the one-line error must contain. Run from anywhere: python3 generate.py COMPUTELEDGER_BIN
(the binary makes the .cledger cases: a real document, then damaged)."""
import copy, json, os, sqlite3, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '..', '..', '..'))
base = json.load(open(os.path.join(root, 'resources', 'examples', 'meta-coreweave.json')))


def write(name, data):
    with open(os.path.join(here, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def variant(name, change):
    p = copy.deepcopy(base)
    change(p)
    write(name, json.dumps(p, indent=1))


def raw_variant(name, old, new):
    text = json.dumps(base, indent=1)
    assert old in text, (name, old)
    write(name, text.replace(old, new, 1))


def setter(path, value):
    def change(p):
        *parents, last = path
        for key in parents:
            p = p[key]
        p[last] = value
    return change


def deleter(path):
    def change(p):
        *parents, last = path
        for key in parents:
            p = p[key]
        del p[last]
    return change


text = json.dumps(base, indent=1)
# Syntax
write('empty.json', '')
write('truncated.json', text[: len(text) // 2])
write('trailing-comma.json', text.replace('"USD",', '"USD",,', 1))
write('plain-text.json', 'name: my deal\nprice: 2.5\n')
write('array-root.json', '[]')
write('binary-garbage.json', bytes(range(256)) * 4)
write('nan-literal.json', text.replace('"discount_rate": 0.09', '"discount_rate": NaN', 1))
write('infinity-literal.json', text.replace('"tax_rate": 0.21', '"tax_rate": Infinity', 1))
write('deep-nesting.json', '{"format": "computeledger-portfolio", "version": 1, "notes": ' + '[' * 20000 + ']' * 20000 + '}')
# Types and keys
variant('format-wrong.json', setter(['format'], 'excel'))
variant('version-newer.json', setter(['version'], 2))
variant('name-missing.json', deleter(['name']))
variant('valuation-date-number.json', setter(['valuation_date'], 20270101))
variant('discount-rate-string.json', setter(['assumptions', 'discount_rate'], '9%'))
variant('contracts-object.json', setter(['contracts'], {'id': 'x'}))
variant('tranche-gpus-string.json', setter(['contracts', 0, 'tranches', 0, 'gpus'], '15k'))
variant('alternative-items-string.json', setter(['alternatives', 0, 'items'], 'cw-2025'))
variant('unknown-top-level-key.json', setter(['discount'], 0.09))
raw_variant('duplicate-key.json', '"discount_rate": 0.09', '"discount_rate": 0.09, "discount_rate": 0.05')
variant('line-break-in-value.json', setter(['fleets', 0, 'book_depreciation', 'method'], 'straight_line\nmacrs_5'))
variant('unknown-contract-key.json', setter(['contracts', 0, 'pricee_per_gpu_hour'], 2.0))
variant('unknown-market-key.json', setter(['market', 'gpu_price', 'drift'], 0.1))
variant('boolean-for-number.json', setter(['fleets', 0, 'gpus'], True))
variant('null-for-date.json', setter(['fleets', 0, 'in_service'], None))
# Dates
variant('date-feb-30.json', setter(['contracts', 0, 'end'], '2031-02-30'))
variant('date-month-13.json', setter(['valuation_date'], '2027-13-01'))
variant('date-slashes.json', setter(['fleets', 1, 'in_service'], '2027/07/01'))
variant('date-year-99999.json', setter(['contracts', 1, 'end'], '99999-12-20'))
variant('date-year-1066.json', setter(['valuation_date'], '1066-10-14'))
variant('contract-end-before-start.json', setter(['contracts', 0, 'end'], '2024-12-31'))
variant('fleet-end-before-in-service.json', setter(['fleets', 0, 'end'], '2026-12-31'))
variant('horizon-before-valuation.json', setter(['assumptions', 'horizon_end'], '2026-06-30'))
variant('launch-latest-before-earliest.json', setter(['market', 'next_generation', 'launch_latest'], '2027-06-30'))
# Numbers
variant('gpus-negative.json', setter(['fleets', 0, 'gpus'], -55000))
def negative_price(p):
    del p['contracts'][0]['total_contract_value']
    p['contracts'][0]['price_per_gpu_hour'] = -2.5
variant('price-negative.json', negative_price)
variant('pue-below-one.json', setter(['fleets', 0, 'pue'], 0.5))
variant('discount-rate-minus-150pct.json', setter(['assumptions', 'discount_rate'], -1.5))
variant('tax-rate-150pct.json', setter(['assumptions', 'tax_rate'], 1.5))
raw_variant('number-1e400.json', '"capex_per_gpu": 55000', '"capex_per_gpu": 1e400')
raw_variant('number-minus-1e400.json', '"power_price_per_mwh": 70', '"power_price_per_mwh": -1e400')
variant('take-or-pay-above-one.json', setter(['contracts', 0, 'take_or_pay'], 1.5))
variant('recovery-negative.json', setter(['contracts', 0, 'recovery_rate'], -0.1))
variant('volatility-negative.json', setter(['market', 'gpu_price', 'volatility'], -0.3))
# A forward curve (issue 22) replacing the trend
def curve(points, sku='H100', keep_trend=False):
    def change(p):
        g = p['market']['gpu_price']
        if not keep_trend:
            g.pop('trend_per_year', None)
        g['forward_curve'] = {'sku': sku, 'points': points}
    return change
variant('forward-curve-unsorted.json', curve([{'date': '2028-01-01', 'price': 2.0}, {'date': '2027-06-01', 'price': 1.8}]))
variant('forward-curve-price-zero.json', curve([{'date': '2027-01-01', 'price': 0}]))
variant('forward-curve-empty.json', curve([]))
variant('forward-curve-unknown-sku.json', curve([{'date': '2027-01-01', 'price': 2.0}], sku='H999'))
variant('forward-curve-with-trend.json', curve([{'date': '2027-01-01', 'price': 2.0}], keep_trend=True))
def capex_range(lo, hi):
    def change(p):
        p['fleets'][0]['capex_min_per_gpu'] = lo
        if hi is not None:
            p['fleets'][0]['capex_max_per_gpu'] = hi
    return change
variant('capex-range-one-end.json', capex_range(40000, None))
variant('capex-range-mode-above-max.json', capex_range(40000, 50000))
variant('capex-range-min-above-mode.json', capex_range(60000, 70000))
variant('residual-volatility-too-high.json', setter(['fleets', 0, 'residual_volatility'], 3))
variant('replacement-delay-negative.json', setter(['contracts', 0, 'replacement_delay_months'], -2))
variant('scarcity-premium-zero.json', setter(['market', 'scarcity_premium'], 0))
def delivery_delay(lo, mode, hi):
    def change(p):
        for key, value in (('min', lo), ('mode', mode), ('max', hi)):
            if value is not None:
                p['fleets'][0]['delivery_delay_%s_months' % key] = value
    return change
variant('delivery-delay-missing-max.json', delivery_delay(0, 2, None))
variant('delivery-delay-min-above-mode.json', delivery_delay(3, 2, 6))
variant('delivery-delay-mode-above-max.json', delivery_delay(0, 4, 3))
variant('delivery-delay-past-the-end.json', delivery_delay(0, 6, 60))
# Contract options (docs/model.md 17): on cw-2026 (2027-01-01 .. 2032-12-20)
def option(**changes):
    def change(p):
        o = {'id': 'extend-2033', 'type': 'extend', 'exercise_date': '2032-06-30',
             'new_end': '2033-12-31', 'price_factor': 0.9}
        for key, value in changes.items():
            if value is None:
                o.pop(key, None)
            else:
                o[key] = value
        p['contracts'][1]['options'] = [o]
    return change
variant('option-exercise-outside-term.json', option(exercise_date='2033-03-01'))
variant('option-new-end-before-end.json', option(new_end='2032-06-30'))
variant('option-fee-negative.json', option(type='terminate', new_end=None, price_factor=None, fee=-5e6))
variant('option-unknown-field.json', option(strike=1.9))
variant('option-type-unknown.json', option(type='swing'))
variant('utilization-above-one.json', setter(['utilization', 1, 'value'], 1.5))
variant('hazard-negative.json', setter(['contracts', 1, 'provider_default_hazard'], -0.03))
variant('paths-zero.json', setter(['simulation', 'paths'], 0))
variant('seed-negative.json', setter(['simulation', 'seed'], -1))
variant('life-zero.json', setter(['fleets', 0, 'book_depreciation', 'life_years'], 0))
variant('depreciation-method-unknown.json', setter(['fleets', 0, 'book_depreciation', 'method'], 'units_of_production'))
# References and ids
variant('alternative-unknown-item.json', setter(['alternatives', 1, 'items'], ['own-gb300', 'own-h100']))
variant('contract-unknown-sku.json', setter(['contracts', 0, 'sku'], 'GB999'))
variant('spot-covers-unknown.json', setter(['market', 'spot_covers'], 'lease'))
variant('duplicate-contract-ids.json', setter(['contracts', 1, 'id'], 'cw-2025'))
variant('contract-and-fleet-same-id.json', setter(['fleets', 0, 'id'], 'cw-2026'))
variant('duplicate-alternative-ids.json', setter(['alternatives', 1, 'id'], 'rent'))
variant('alternative-empty.json', setter(['alternatives', 1, 'items'], []))
# Correlations
variant('correlation-not-psd.json', setter(['market', 'correlation'], [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]]))
variant('correlation-not-symmetric.json', setter(['market', 'correlation'], [[1, 0.3, 0], [0.1, 1, 0], [0, 0, 1]]))
variant('correlation-diagonal.json', setter(['market', 'correlation'], [[2, 0.3, 0], [0.3, 1, 0], [0, 0, 1]]))
variant('correlation-2x2.json', setter(['market', 'correlation'], [[1, 0.3], [0.3, 1]]))
variant('correlation-above-one.json', setter(['market', 'correlation'], [[1, 1.2, 0], [1.2, 1, 0], [0, 0, 1]]))
# Upper bounds that keep every output finite, and what a JSON number or string cannot hold
def huge_sku_price(p):
    p['skus'] = [{'id': 'GB300X', 'name': 'GB300 at an absurd price', 'perf_index': 2.5,
                  'market_price_per_gpu_hour': 1e300, 'capex_per_gpu': 55000, 'it_kw_per_gpu': 1.4}]
    p['contracts'][0]['sku'] = 'GB300X'
variant('sku-price-1e300.json', huge_sku_price)
variant('discount-rate-minus-99pct.json', setter(['assumptions', 'discount_rate'], -0.9999999999))
variant('volatility-above-two.json', setter(['market', 'gpu_price', 'volatility'], 10))
# A demand (MODEL.md 8) that cannot be met or read.
def with_demand(curve, sku='H100', utilization_volatility=0.0, extra=None):
    def change(p):
        p['market']['utilization']['volatility'] = utilization_volatility
        p['demand'] = {'sku': sku, 'curve': curve}
        if extra:
            p['demand'].update(extra)
    return change


variant('demand-no-gpus.json', with_demand([{'date': '2026-01-01', 'gpus': 0}]))
variant('demand-after-horizon.json',
        with_demand([{'date': '2027-01-01', 'gpus': 0}, {'date': '2033-01-01', 'gpus': 900000}]))
variant('demand-decreasing-dates.json',
        with_demand([{'date': '2028-01-01', 'gpus': 500000}, {'date': '2027-06-01', 'gpus': 600000}]))
variant('demand-negative-gpus.json',
        with_demand([{'date': '2027-01-01', 'gpus': 500000}, {'date': '2028-01-01', 'gpus': -1}]))
variant('demand-unknown-sku.json', with_demand([{'date': '2027-01-01', 'gpus': 500000}], sku='H900'))
variant('demand-unknown-key.json', with_demand([{'date': '2027-01-01', 'gpus': 500000}], extra={'unit': 'gpus'}))
variant('demand-beside-utilization-volatility.json',
        with_demand([{'date': '2027-01-01', 'gpus': 500000}], utilization_volatility=0.3))
variant('fiscal-year-end-13.json', setter(['assumptions', 'fiscal_year_end_month'], 13))
# MODEL.md 9: a contract that is a lease needs a classification and a rate in (-50%, 100%].
lease = lambda **terms: setter(['contracts', 0, 'lease'], terms)
variant('lease-without-rate.json', lease(classification='operating'))
variant('lease-without-classification.json', lease(incremental_borrowing_rate=0.06))
variant('lease-classification-unknown.json', lease(classification='capital', incremental_borrowing_rate=0.06))
variant('lease-rate-minus-50pct.json', lease(classification='finance', incremental_borrowing_rate=-0.5))
variant('lease-rate-above-100pct.json', lease(classification='finance', incremental_borrowing_rate=1.5))
variant('lease-empty.json', lease())
variant('lease-unknown-key.json', lease(classification='finance', incremental_borrowing_rate=0.06, term_years=5))
# The tornado's settings (issue 19)
variant('sensitivity-unknown-input.json', setter(['sensitivity'], {'contract_price': {'low': 0.8, 'high': 1.2}}))
variant('sensitivity-factor-below-0.json', setter(['sensitivity'], {'contract_prices': {'low': -1, 'high': 1.2}}))
variant('sensitivity-shift-above-100pts.json', setter(['sensitivity'], {'utilization': {'low': -0.1, 'high': 1.5}}))
variant('sensitivity-without-high.json', setter(['sensitivity'], {'tax_rate': {'low': -0.05}}))
variant('sensitivity-empty.json', setter(['sensitivity'], {}))
# Scenarios (issue 21): each override is read as the file reads that input.
def scenarios(*overrides, name='Stress', twice=False):
    entry = {'name': name, 'overrides': [{'path': p, 'value': v} for p, v in overrides]}
    return setter(['scenarios'], [entry, copy.deepcopy(entry)] if twice else [entry])
variant('scenario-unknown-id.json', scenarios(('/contracts/id=cw-2099/escalator', 0.05)))
variant('scenario-wrong-type.json', scenarios(('/market/gpu_price/volatility', 'high')))
variant('scenario-out-of-range.json', scenarios(('/market/gpu_price/volatility', 9)))
variant('scenario-duplicate-name.json', scenarios(twice=True))
variant('scenario-bad-pointer.json', scenarios(('market.gpu_price.volatility', 0.5)))
variant('scenario-no-such-field.json', scenarios(('/fleets/id=own-gb300/capex', 60000)))
# A provider's default on a chosen day (a stress, docs/model.md 12.7) lies within the horizon.
variant('default-date-before-valuation.json', setter(['contracts', 1, 'default_date'], '2026-12-31'))
variant('default-date-after-horizon.json', setter(['contracts', 0, 'default_date'], '2033-01-01'))
variant('default-date-number.json', setter(['contracts', 0, 'default_date'], 20280630))
variant('demand-volatility-without-demand.json',
        setter(['market', 'demand'], {'reversion_per_year': 2.0, 'volatility': 0.2}))

raw_variant('seed-above-2-53.json', '"seed": 20260101', '"seed": 9007199254740993')
def implied_price_huge(p):
    p['contracts'][0]['total_contract_value'] = 1e15
    p['contracts'][0]['tranches'] = [{'date': p['contracts'][0]['start'], 'gpus': 1}]
variant('implied-price-huge.json', implied_price_huge)
variant('notes-too-long.json', setter(['notes'], 'x' * 100_001))
raw_variant('nul-in-string.json', '"name": "Meta', '"name": "\x00Meta')
raw_variant('escape-in-string.json', '"name": "Meta', '"name": "\x1b[31mMeta')
# Size
huge = copy.deepcopy(base)
import datetime
day = datetime.date(2027, 1, 1)
huge['utilization'] = [{'date': (day + datetime.timedelta(days=i)).isoformat(), 'value': 0.8} for i in range(10_001)]
write('huge-array.json', json.dumps(huge, separators=(',', ':')))

# .cledger documents: a real one, then damaged copies.
if len(sys.argv) > 1:
    good = os.path.join(here, 'good-tmp.cledger')
    if os.path.exists(good):
        os.remove(good)
    subprocess.run([sys.argv[1], 'convert', os.path.join(root, 'resources', 'examples', 'meta-coreweave.json'), good], check=True)
    data = open(good, 'rb').read()
    write('truncated.cledger', data[: len(data) // 2])
    write('garbage-after-header.cledger', data[:100] + bytes(range(256)) * 64)
    write('not-sqlite.cledger', b'PK\x03\x04 this is a zip, not a document' * 10)
    for name, statement in [('foreign.cledger', 'PRAGMA application_id = 1234'),
                            ('newer-schema.cledger', 'PRAGMA user_version = 99')]:
        path = os.path.join(here, name)
        open(path, 'wb').write(data)
        con = sqlite3.connect(path)
        con.execute(statement)
        con.commit()
        con.close()
    # A document that carries code or was edited behind the app's back (refused before any write).
    for name, statements in [
            ('trigger.cledger', ["CREATE TRIGGER double_gpus AFTER INSERT ON tranches BEGIN "
                                 "UPDATE tranches SET gpus = gpus * 2 WHERE rowid = new.rowid; END"]),
            ('view.cledger', ["CREATE VIEW everything AS SELECT * FROM contracts"]),
            ('extra-table.cledger', ["CREATE TABLE notes_of_mine (text TEXT)"]),
            ('extra-column.cledger', ["ALTER TABLE contracts ADD COLUMN discount REAL"]),
            ('text-in-number-column.cledger',
             ["UPDATE tranches SET gpus = '15,000' WHERE contract_id = 'cw-2025' AND position = 0"]),
            ('checksum-null.cledger', ["UPDATE portfolio SET content_sha256 = NULL"])]:
        path = os.path.join(here, name)
        open(path, 'wb').write(data)
        con = sqlite3.connect(path)
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.close()
    changed = os.path.join(here, 'checksum-mismatch.cledger')
    open(changed, 'wb').write(data)
    con = sqlite3.connect(changed)
    con.execute("UPDATE contracts SET escalator = 0.5 WHERE id = 'cw-2025'")  # edited behind our back
    con.commit()
    con.close()
    os.remove(good)
os.makedirs(os.path.join(here, 'a-directory.json'), exist_ok=True)
open(os.path.join(here, 'a-directory.json', '.keep'), 'w').close()
