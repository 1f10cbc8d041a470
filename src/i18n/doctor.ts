// The words of `gakuco-monit doctor` around the findings (src/i18n/diagnostics.ts has the findings themselves).
import type { SetupCheck } from '../pm2-bridge/diagnostics/codes.js';
import type { Lang } from './lang.js';

export interface DoctorMessages {
  title: (home: string) => string;
  setupHeading: string;
  servicesHeading: string;
  /** What a setup check says when it found nothing. */
  setupOk: Record<SetupCheck, (serviceCount: number) => string>;
  serviceOk: (name: string, status: string) => string;
  noServices: string;
  listFailed: (error: string) => string;
  summary: (errors: number, warnings: number) => string;
  allGood: string;
  usage: string;
  badArgument: (arg: string) => string;
}

const USAGE_OPTIONS_JA = `  --lang ja|en       表示言語（既定: ja。LANG が日本語以外なら en）
  --json             機械向けの JSON で出力
  --ascii            ✔ ✘ ! の代わりに ASCII の印 [ok] [x] [!]
  --pm2-home <dir>   調べる PM2_HOME（既定: $PM2_HOME か ~/.pm2）
  -h, --help         この説明`;
const USAGE_OPTIONS_EN = `  --lang ja|en       language (default: ja, or en when LANG is not Japanese)
  --json             machine-readable output
  --ascii            ASCII marks ([ok] [x] [!]) instead of ✔ ✘ !
  --pm2-home <dir>   PM2 home to check (default: $PM2_HOME or ~/.pm2)
  -h, --help         this help`;

export const DOCTOR_MESSAGES: Record<Lang, DoctorMessages> = {
  ja: {
    title: (home) => `gakuco-monit doctor  PM2_HOME=${home}`,
    setupHeading: 'PM2 の設定',
    servicesHeading: 'サービス',
    setupOk: {
      daemon: (n) => `PM2 デーモンが動いています（${n} サービス）`,
      logrotate: () => 'pm2-logrotate が入っています',
      dump: () => '保存済みの一覧（pm2 save）は今動いているものと同じです',
      startup: () => 'OS 起動時に自動起動します',
    },
    serviceOk: (name, status) => `${name}（${status}）: 問題なし`,
    noServices: 'PM2 にサービスがありません',
    listFailed: (error) => `プロセス一覧を読めませんでした: ${error}`,
    summary: (errors, warnings) => `結果: エラー ${errors} 件、警告 ${warnings} 件`,
    allGood: '結果: 問題はありません',
    usage: `使い方: gakuco-monit doctor [options]\n  終了コード: 0 問題なし / 1 エラーあり / 2 警告のみ / 64 引数の誤り\n${USAGE_OPTIONS_JA}`,
    badArgument: (arg) => `不明な引数です: ${arg}`,
  },
  en: {
    title: (home) => `gakuco-monit doctor  PM2_HOME=${home}`,
    setupHeading: 'PM2 setup',
    servicesHeading: 'Services',
    setupOk: {
      daemon: (n) => `PM2 daemon is running (${n} service${n === 1 ? '' : 's'})`,
      logrotate: () => 'pm2-logrotate is installed',
      dump: () => 'The saved list (pm2 save) matches what runs now',
      startup: () => 'PM2 starts at boot',
    },
    serviceOk: (name, status) => `${name} (${status}): no problems`,
    noServices: 'No services in PM2',
    listFailed: (error) => `Could not read the process list: ${error}`,
    summary: (errors, warnings) => `Result: ${errors} error(s), ${warnings} warning(s)`,
    allGood: 'Result: all good',
    usage: `Usage: gakuco-monit doctor [options]\n  Exit codes: 0 all good / 1 errors / 2 warnings only / 64 bad arguments\n${USAGE_OPTIONS_EN}`,
    badArgument: (arg) => `Unknown argument: ${arg}`,
  },
};
