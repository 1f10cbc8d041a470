// Diagnostics (issue 4): the provider the store calls, the codes, and the pure checks for reuse and tests.
export { createDiagnosticsProvider, SEED_ROTATION_BYTES, type DiagnosticsOptions } from './provider.js';
export {
  ALL_DIAGNOSTIC_CODES,
  DIAGNOSTIC_CODES,
  HINT_PREFIX,
  SERVICE_CHECKS,
  SETUP_CHECKS,
  checkOfCode,
  isDiagnosticCode,
  worstSeverity,
  type CheckName,
  type DiagnosticCode,
  type ServiceCheck,
  type SetupCheck,
} from './codes.js';
export { SERVICE_REQUIREMENTS, type ServiceRequirements } from './requirements.js';
export { defaultPm2Home, pm2CommandBuilder, pm2Program } from './commands.js';
export { daemonAnswers } from './gather.js';
