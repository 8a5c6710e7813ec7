/** Help texts: `pts --help` and `pts COMMAND --help`. */
export const MAIN_HELP = `pts — PTS 联动营销报表工具 / PTS joint-marketing report tool

用法 / usage:
  pts template ID [--version N] --out FILE.xlsx         写出空白模板 / write a blank template
  pts validate FILE.xlsx [--org ORG] [--as-of DATE] [--json]
                                                        校验已填写的模板 / check a filled template
  pts fix FILE.xlsx --out FIXED.xlsx [--org ORG] [--as-of DATE]
                                                        应用安全修正 / apply the safe fixes
  pts summary FILES... --org ORG [--from D --to D] [--dense] [--json] [--out FILE.xlsx]
                                                        多个文件的排名汇总 / ranked summary of many files
  pts submit FILE.xlsx --api URL --token TOKEN [--json]  提交到服务器 / send a file to the API

退出码 / exit codes: 0 正常（可有警告）/ fine (warnings allowed); 1 表格有错误 / the sheet has errors;
  2 文件或参数无法使用 / the file or the arguments cannot be used.
每个命令的帮助 / per-command help: pts COMMAND --help
`;

export const COMMAND_HELP: Record<string, string> = {
  template: `pts template ID [--version N] --out FILE.xlsx

写出模板的空白工作簿（含格式、下拉列表、公式、保护和模板标识）。
Writes the blank workbook of a template (formats, drop-downs, formulas, protection, template identity).

  ID             invite-daily | activity-tracking | sales-evaluation
  --version N    模板版本，默认当前版本 / template version, default the current one
  --out FILE     输出文件 / output file
`,
  validate: `pts validate FILE.xlsx [--org ORG] [--as-of DATE] [--json]

校验已填写的模板，每个问题一行：FILE 地址 级别 代码 说明（英文）。
Checks a filled template and prints one line per finding: FILE address severity code message_zh (message_en).

  --org FILE     机构文件（JSON），用于网点名称、特卖日和目标 / organisation file (outlet names, sale days, targets)
  --as-of DATE   校验日期 YYYY-MM-DD，默认今天（北京时间）/ day of checking, default today in Asia/Shanghai
  --json         输出一个 JSON 对象 / print one JSON object

退出码 / exit: 0 无错误 / no errors, 1 有错误 / errors, 2 文件无法使用 / file unusable
`,
  fix: `pts fix FILE.xlsx --out FIXED.xlsx [--org ORG] [--as-of DATE]

把校验提出的安全修正（30万→300000、Y→是、2026年12月8日→日期、被改写或删除的合计公式→模板公式…）写入
原工作簿的副本，只改被修正的单元格，保留格式和工作表保护；打开时表格会重新计算合计。
Writes the safe fixes validate proposes (30万 → 300000, Y → 是, a typed-over or deleted total → the
template's formula…) into a copy of the workbook: only the fixed cells change, formatting and sheet
protection stay, and the spreadsheet recalculates the totals when it opens the file.

退出码 / exit: 0 修正后无错误 / no errors left, 1 仍有错误 / errors remain, 2 文件无法使用 / file unusable
`,
  summary: `pts summary FILES... --org ORG [--from D --to D] [--dense] [--json] [--out FILE.xlsx] [--as-of DATE]

校验多个已填写的文件并按模板汇总排名；有错误的文件列为“有错误（n 处）”，不计入排名，也不算未报送。
Validates many filled files and prints the ranked summary; a file with errors is listed as 有错误 with its
error count (JSON: "rejected"), left out of the ranking and not counted as 未报送.

  --org FILE       机构文件 / organisation file (required)
  --from, --to     期间（日或月），默认为文件覆盖的期间 / period, default the span of the files
  --dense          中国式排名 / dense ranking (1, 2, 2, 3)
  --json           输出汇总 JSON / print the summary object
  --out FILE.xlsx  另存为带格式的工作簿 / also write a formatted workbook
`,
  submit: `pts submit FILE.xlsx --api URL --token TOKEN [--json]

把 .xlsx 提交到 POST URL/submissions（Idempotency-Key 为文件的 SHA-256）。
Sends the .xlsx to POST URL/submissions (Idempotency-Key = SHA-256 of the file).

退出码 / exit: 0 已接收 / accepted, 1 表格有错误（422）/ sheet has errors (422), 2 其他失败 / other failure
`,
};
