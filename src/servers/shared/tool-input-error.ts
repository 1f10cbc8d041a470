// Raised by a tool for arguments it cannot use (beyond what its zod schema checks); the tool runner (tool-runner.ts)
// answers it as an isError result with its message, before any upstream request.
export class ToolInputError extends Error {}
