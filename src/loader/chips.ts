/** The chip catalogue: one ChipSpec per chip in chips.yaml, each with exactly one all-in power method. */
import type { AllInPowerMethod, ChipSpec } from '../model/inputs.js';
import type { Reading } from './assumptionValue.js';
import type { FieldValues } from './fieldReader.js';
import type { FieldSpec } from './fieldTable.js';
import type { Issues } from './issues.js';
import type { AssumptionRecord } from './types.js';

export interface ChipCatalogue {
  /** Every chip named in chips.yaml, valid or not, so phases are checked against what the user wrote. */
  names: readonly string[];
  /** Chips whose fields are all valid, in file order. */
  specs: ChipSpec[];
  records: AssumptionRecord[];
}

/** One field-table row for one chip: written at all (`given`), and its reading if valid. */
interface ChipField {
  spec: FieldSpec;
  key: string;
  path: string;
  given: boolean;
  reading: Reading | undefined;
}

/** Build the catalogue from chips.yaml's readings (`specs` are its `chips.*` field-table rows). */
export function buildChips(values: FieldValues, specs: readonly FieldSpec[], issues: Issues): ChipCatalogue {
  const names = values.members.get('chips') ?? [];
  const catalogue: ChipCatalogue = { names, specs: [], records: [] };
  for (const name of names) {
    const fields = specs.map((spec): ChipField => {
      const key = spec.key.split('.').pop()!;
      const path = `chips.${name}.${key}`;
      return { spec, key, path, given: values.keyAt.has(path), reading: values.readings.get(path) };
    });
    for (const field of fields) catalogue.records.push(...(field.reading?.records ?? []));

    const method = allInMethod(name, fields, values, issues);
    const wholeServers = holdsWholeServers(name, fields, issues);
    const complete = fields.every((f) => f.reading !== undefined || (!f.given && f.spec.optional));
    if (method === undefined || !wholeServers || !complete) continue;

    const chip: Record<string, unknown> = { name };
    const allInPower: Record<string, unknown> = { method };
    for (const { spec, reading } of fields) {
      if (reading) (spec.method ? allInPower : chip)[spec.field] = reading.value;
    }
    catalogue.specs.push({ ...chip, allInPower } as unknown as ChipSpec);
  }
  return catalogue;
}

/** An UltraServer must hold whole servers; true when it does or cannot be checked yet. */
function holdsWholeServers(name: string, fields: readonly ChipField[], issues: Issues): boolean {
  const perServer = fields.find((f) => f.key === 'chips_per_server')?.reading;
  const perUltraserver = fields.find((f) => f.key === 'chips_per_ultraserver')?.reading;
  if (!perServer || !perUltraserver || (perUltraserver.value as number) % (perServer.value as number) === 0) return true;
  issues.add('not_multiple', perUltraserver.at, `chips.${name}.chips_per_ultraserver`, {
    written: perUltraserver.records[0]!.written,
    perServer: perServer.value as number,
  });
  return false;
}

/** The one method whose fields are all given; reports none, two, or an incomplete one. */
function allInMethod(
  name: string,
  fields: readonly ChipField[],
  values: FieldValues,
  issues: Issues,
): AllInPowerMethod['method'] | undefined {
  const chipPath = `chips.${name}`;
  const chipAt = values.keyAt.get(chipPath)!;
  const given = fields.filter((f) => f.spec.method && f.given);
  const methods = [...new Set(given.map((f) => f.spec.method!))];
  if (methods.length === 0) {
    issues.add('no_all_in_method', chipAt, chipPath);
    return undefined;
  }
  if (methods.length > 1) {
    issues.add('two_all_in_methods', chipAt, chipPath, { fields: given.map((f) => f.key) });
    return undefined;
  }
  const missing = fields.filter((f) => f.spec.method === methods[0] && !f.given);
  for (const f of missing) {
    issues.add('incomplete_all_in_method', chipAt, f.path, { present: given.map((g) => g.key).join(' and '), missing: f.key });
  }
  return missing.length === 0 ? methods[0] : undefined;
}
