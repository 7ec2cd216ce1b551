// The version recorded in every manifest and printed by --version comes from
// package.json, so there is one place to bump it.
import packageJson from '../package.json' with { type: 'json' };

export const GWPLAN_VERSION: string = packageJson.version;
