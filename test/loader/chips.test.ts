import { describe, expect, it } from 'vitest';
import { errorsOf, loadEdited, replaceOnce } from './fixture.js';

const TRN3_PER_SERVER = '    chips_per_server:\n      value: 4\n      source: "AWS Neuron docs: Trn3 Gen2 UltraServer = 36 servers x 4 chips"';
/** trainium2's server_factor and it_factor mappings. */
const TRN2_FACTORS = /    server_factor:\n( {6}.*\n)+    it_factor:\n( {6}.*\n)+(?=    chips_per_server: 16)/;

describe('chip catalogue', () => {
  it('builds each chip with its one all-in power method, in file order', () => {
    const outcome = loadEdited({});
    expect(outcome.ok && outcome.scenario.inputs.chips.map((c) => c.name)).toEqual(['trainium2', 'trainium3', 'trainium4']);
    expect(outcome.ok && outcome.scenario.inputs.chips[0]).toEqual({
      name: 'trainium2',
      tdpW: 500,
      allInPower: { method: 'factors', serverFactor: 1.53, itFactor: 1.14 },
      chipsPerServer: 16,
      chipsPerUltraserver: 64,
      peakBf16Tflops: 667,
      peakFp8Tflops: 1299,
      hbmGib: 96,
      serviceLifeYears: 5,
    });
  });

  it('reads the explicit and the parts methods, and a per-chip power ratio', () => {
    const outcome = loadEdited({
      'chips.yaml': (t) =>
        replaceOnce('    chips_per_server: 16', '    power_ratio: 80%\n    chips_per_server: 16')(
          t.replace(TRN2_FACTORS, '    host_power_per_server: 2 kW\n    network_storage_share: 10%\n'),
        ),
    });
    if (!outcome.ok) throw new Error(errorsOf(outcome).join('\n'));
    const [trainium2] = outcome.scenario.inputs.chips;
    expect(trainium2!.allInPower).toEqual({ method: 'parts', hostWPerServer: 2000, networkStorageShare: 0.1 });
    expect(trainium2!.powerRatio).toBe(0.8);

    const explicit = loadEdited({ 'chips.yaml': (t) => t.replace(TRN2_FACTORS, '    all_in_power: 1.8 kW\n') });
    expect(explicit.ok && explicit.scenario.inputs.chips[0]!.allInPower).toEqual({ method: 'explicit', allInW: 1800 });
  });

  it('refuses two all-in methods, naming the chip and the fields found', () => {
    expect(errorsOf(loadEdited({ 'chips.yaml': replaceOnce(TRN3_PER_SERVER, `    all_in_power: 1.8 kW\n${TRN3_PER_SERVER}`) }))).toEqual([
      'assumptions/chips.yaml:44:3 chips.trainium3: gives more than one way to reach all-in power (all_in_power, server_factor, it_factor); keep exactly one, as two would double count overhead.',
    ]);
  });

  it('refuses a chip with no all-in method', () => {
    expect(errorsOf(loadEdited({ 'chips.yaml': (t) => t.replace(TRN2_FACTORS, '') }))).toEqual([
      'assumptions/chips.yaml:15:3 chips.trainium2: gives no way to reach all-in power; give exactly one of: all_in_power; server_factor with it_factor; host_power_per_server with network_storage_share.',
    ]);
  });

  it('refuses half of a two-field method', () => {
    const withoutItFactor = replaceOnce(
      '    it_factor:\n      value: 1.14\n      source: "Epoch nested peak overheads (2025-12-18)"\n      confidence: analyst-estimate\n',
      '',
    );
    expect(errorsOf(loadEdited({ 'chips.yaml': withoutItFactor }))).toEqual([
      'assumptions/chips.yaml:44:3 chips.trainium3.it_factor: server_factor is given without it_factor; add it_factor, as the two go together.',
    ]);
  });

  it('needs an UltraServer to hold whole servers', () => {
    expect(errorsOf(loadEdited({ 'chips.yaml': replaceOnce('chips_per_ultraserver: 64', 'chips_per_ultraserver: 60') }))).toEqual([
      'assumptions/chips.yaml:33:28 chips.trainium2.chips_per_ultraserver: "60" is not a multiple of chips_per_server (16); an UltraServer holds whole servers.',
    ]);
  });

  it('reports a missing chip field at the chip', () => {
    expect(errorsOf(loadEdited({ 'chips.yaml': replaceOnce('    hbm: 96 GiB\n', '') }))).toEqual([
      'assumptions/chips.yaml:15:3 chips.trainium2.hbm: missing; add "hbm:" under "trainium2:" with a data size.',
    ]);
  });
});
