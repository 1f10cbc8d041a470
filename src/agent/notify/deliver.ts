// One delivery attempt to one receiver: an HTTP POST or a command. Each settles within `timeoutMs`, whatever the
// receiver does (a hung socket is destroyed, a hung command killed).
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Receiver } from '../agent-config.js';
import { bodyFor, type Notice } from './notice.js';

export type Deliver = (receiver: Receiver, notice: Notice, timeoutMs: number) => Promise<void>;

/** Resolves on a 2xx status line (the body is not awaited), rejects with a reason free of the URL. */
function post(url: string, headers: Readonly<Record<string, string>>, body: string, timeoutMs: number): Promise<void> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(target, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'gakuco-monit-agent' },
    });
    const timer = setTimeout(() => req.destroy(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      const status = res.statusCode ?? 0;
      req.destroy();
      if (status >= 200 && status < 300) resolve();
      else reject(new Error(`HTTP ${status}`));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(error.code ?? error.message));
    });
    req.end(body);
  });
}

/** Runs argv without a shell, with a minimal environment (never the agent's own), the notice as JSON on stdin. */
function run(command: readonly string[], notice: Notice, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/',
      LANG: process.env.LANG ?? 'C.UTF-8',
      GAKUCO_ALERT_STATUS: notice.status,
      GAKUCO_ALERT_NAME: notice.alert,
      GAKUCO_ALERT_SERVICE: notice.service?.name ?? '',
      GAKUCO_ALERT_SUMMARY: notice.summary,
    };
    const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'ignore', 'ignore'], env });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new Error(error.code ?? error.message));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(signal ? `killed by ${signal}` : `exit code ${code}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(notice));
  });
}

export const deliver: Deliver = (receiver, notice, timeoutMs) =>
  receiver.kind === 'command'
    ? run(receiver.command, notice, timeoutMs)
    : post(receiver.url, receiver.headers, bodyFor(receiver.kind, notice), timeoutMs);
