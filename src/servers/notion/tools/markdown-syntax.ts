/** The Markdown the Notion tools read and write, said once for every tool description. */
export const markdownSyntaxText =
  'Markdown: #/##/### headings, - lists, 1. lists (indent to nest), - [ ] / - [x] to-dos, > quotes, ``` code, ---, ' +
  '| a | b | tables with a |---| line, **bold**, *italic*, `code`, ~~strike~~, [links](url).';
