import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, type Measure } from '../../src/loader/quantity.js';

const MW: Measure = { dimension: 'power', unit: 'MW' };
const W: Measure = { dimension: 'power', unit: 'W' };
const NUMBER: Measure = { dimension: 'number', unit: '1' };

function value(written: string | number, measure: Measure): number {
  const result = parseQuantity(written, [measure]);
  if (!result.ok) throw new Error(`${written}: ${result.problem.code}`);
  return result.value;
}

function problem(written: string | number, measure: Measure = W) {
  const result = parseQuantity(written, [measure]);
  if (result.ok) throw new Error(`${written} parsed as ${result.value}`);
  return result.problem;
}

describe('parseQuantity: units people write, converted once to the model unit', () => {
  it.each([
    ['1.2 kW', MW, 0.0012],
    ['2 GW', MW, 2000],
    ['500 W', W, 500],
    ['0.15 L/kWh', { dimension: 'volumePerEnergy', unit: 'm3/MWh' }, 0.15],
    ['380 kg/MWh', { dimension: 'massPerEnergy', unit: 'tCO2e/MWh' }, 0.38],
    ['0.38 tCO2e/MWh', { dimension: 'massPerEnergy', unit: 'tCO2e/MWh' }, 0.38],
    ['380 kgCO2e/MWh', { dimension: 'massPerEnergy', unit: 'tCO2e/MWh' }, 0.38],
    // mathjs month = 1/12 of 365.25 days
    ['6 months', { dimension: 'duration', unit: 'h' }, 4383],
    ['5 years', { dimension: 'duration', unit: 'years' }, 5],
    ['10715 kWh', { dimension: 'energy', unit: 'MWh' }, 10.715],
    ['667 TFLOP/s', { dimension: 'computeRate', unit: 'TFLOP/s' }, 667],
    ['2.5 PFLOP/s', { dimension: 'computeRate', unit: 'TFLOP/s' }, 2500],
    ['667 TFLOPS', { dimension: 'computeRate', unit: 'TFLOP/s' }, 667],
    ['96 GiB', { dimension: 'dataSize', unit: 'GiB' }, 96],
    ['1 GB', { dimension: 'dataSize', unit: 'GiB' }, 1e9 / 2 ** 30],
    ['5%', NUMBER, 0.05],
    ['0.25', NUMBER, 0.25],
    ['2 GW * 0.25', MW, 500],
    ['(1000 W + 500 W) * 1.2', W, 1800],
    ['-(2 kW - 500 W) / 2', W, -750],
    ['2^3 W', W, 8],
  ] as const)('%s', (written, measure, expected) => {
    expect(value(written, measure)).toBeCloseTo(expected, 9);
  });

  it('takes a YAML number as a plain number', () => {
    expect(value(1.53, NUMBER)).toBe(1.53);
    expect(problem(1000)).toEqual({ code: 'wrong_dimension', found: { dimension: 'number' }, example: '1000 W' });
  });

  it('picks the first expected measure the value fits (a power or a share)', () => {
    const either = [MW, NUMBER];
    expect(parseQuantity('250 MW', either)).toEqual({ ok: true, value: 250, measure: MW });
    expect(parseQuantity('25%', either)).toEqual({ ok: true, value: 0.25, measure: NUMBER });
  });

  it('names the dimension found, with an example in the expected unit', () => {
    expect(problem('1000 kg')).toEqual({ code: 'wrong_dimension', found: { dimension: 'mass' }, example: '1000 W' });
    expect(problem('5 m^3/s')).toEqual({ code: 'wrong_dimension', found: { units: 'm^3 / s' }, example: '5 W' });
    const factor = parseQuantity('380 kg', [{ dimension: 'massPerEnergy', unit: 'tCO2e/MWh', exampleUnit: 'kg/MWh' }]);
    expect(factor).toMatchObject({ ok: false, problem: { example: '380 kg/MWh' } });
  });

  it('reports an unknown unit with the nearest known one', () => {
    expect(problem('500 Wat')).toEqual({ code: 'unknown_unit', unit: 'Wat', suggestion: 'W', example: '500 W' });
    expect(problem('10 kwh')).toMatchObject({ unit: 'kwh', suggestion: 'kWh' });
  });

  it('refuses values that cannot be computed', () => {
    expect(problem('1000 W + 5')).toEqual({
      code: 'mixed_dimensions',
      op: '+',
      left: { dimension: 'power' },
      right: { dimension: 'number' },
    });
    expect(problem('W')).toEqual({ code: 'no_number', example: '1 W' });
    expect(problem('1 W / 0')).toEqual({ code: 'not_finite' });
    expect(problem('1000 W +')).toMatchObject({ code: 'bad_expression', detail: 'Unexpected end of expression (char 9)' });
  });

  it.each([
    ['import({}, {})', 'FunctionNode', 'import'],
    ['createUnit("x")', 'FunctionNode', 'createUnit'],
    ['evaluate("1")', 'FunctionNode', 'evaluate'],
    ['parse("1")', 'FunctionNode', 'parse'],
    ['compile("1")', 'FunctionNode', 'compile'],
    ['f(x)=x', 'FunctionAssignmentNode', 'f'],
    ['a=1', 'AssignmentNode', 'a'],
    ['W.value', 'AccessorNode', 'value'],
    ['[1]', 'ArrayNode', ''],
    ['{a: 1}', 'ObjectNode', ''],
    ['1 ? 2 W : 3 W', 'ConditionalNode', ''],
    ['1:3', 'RangeNode', ''],
    ['1 W; 2 W', 'BlockNode', ''],
    ['"500 W"', 'ConstantNode', '500 W'],
    ['1 == 1', 'OperatorNode', '=='],
    ['5!', 'OperatorNode', '!'],
    ['5 W to kW', 'OperatorNode', 'to'],
  ])('rejects %s before evaluating it', (written, nodeType, name) => {
    expect(problem(written)).toEqual({ code: 'disallowed_expression', nodeType, name });
  });

  describe('money: USD is its own dimension', () => {
    const PER_KW: Measure = { dimension: 'costPerPower', unit: 'USD/kW' };
    const PER_MWH: Measure = { dimension: 'costPerEnergy', unit: 'USD/MWh' };
    const PER_KW_YEAR: Measure = { dimension: 'costPerPowerTime', unit: 'USD/kW/year' };

    it.each([
      ['1100 USD/kW', PER_KW, 1100],
      ['1.4 * 1000000 USD/MW', PER_KW, 1400],
      ['85 USD/MWh', PER_MWH, 85],
      ['0.085 USD/kWh', PER_MWH, 85],
      ['22 USD/kW/year', PER_KW_YEAR, 22],
      ['22 USD/(kW*year)', PER_KW_YEAR, 22],
      ['2 USD/kW/month', PER_KW_YEAR, 24],
      ['(1100 USD/kW) / (30 years)', PER_KW_YEAR, 1100 / 30],
    ] as const)('%s', (written, measure, expected) => {
      // Costs are kept to 12 significant digits: no float noise from the conversion.
      expect(value(written, measure)).toBe(Number(expected.toPrecision(12)));
    });

    it('tells a cost per energy from a cost per power per year by the time unit written', () => {
      expect(problem('1100 USD/kWh', PER_KW)).toEqual({ code: 'wrong_dimension', found: { dimension: 'costPerEnergy' }, example: '1100 USD/kW' });
      expect(problem('22 USD/MWh', PER_KW_YEAR)).toEqual({ code: 'wrong_dimension', found: { dimension: 'costPerEnergy' }, example: '22 USD/kW/year' });
      expect(problem('22 USD/kW/year', PER_MWH)).toEqual({ code: 'wrong_dimension', found: { dimension: 'costPerPowerTime' }, example: '22 USD/MWh' });
      expect(problem('85 USD/MWh + 22 USD/kW/year', PER_MWH)).toEqual({
        code: 'mixed_dimensions',
        op: '+',
        left: { dimension: 'costPerEnergy' },
        right: { dimension: 'costPerPowerTime' },
      });
      expect(problem('1100 USD', PER_KW)).toEqual({ code: 'wrong_dimension', found: { dimension: 'cost' }, example: '1100 USD/kW' });
      expect(problem('1100 usd/kW', PER_KW)).toMatchObject({ code: 'unknown_unit', unit: 'usd', suggestion: 'USD' });
    });
  });

  it('converts any number of kW to MW and scales linearly', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -100, max: 100 }), (x, k) => {
        expect(value(`${x} kW`, MW)).toBeCloseTo(x / 1000, 6);
        expect(value(`${x} W * ${k}`, W)).toBeCloseTo(x * k, 3);
      }),
    );
  });

  it('never throws, whatever is written', () => {
    fc.assert(
      fc.property(fc.string(), (written) => {
        expect(typeof parseQuantity(written, [W, NUMBER]).ok).toBe('boolean');
      }),
    );
  });
});
