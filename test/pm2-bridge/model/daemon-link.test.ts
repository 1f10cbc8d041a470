import { afterEach, describe, expect, it } from 'vitest';
import { DaemonGoneError, RpcTimeoutError } from '../../../src/pm2-bridge/client.js';
import { createDaemonLink, type LinkState } from '../../../src/pm2-bridge/model/daemon-link.js';
import { FakeDaemon } from '../../fakes/fake-daemon.js';
import { sleep, until } from './support.js';

const links: { close(): void }[] = [];
afterEach(() => {
  for (const link of links.splice(0)) link.close();
});

function linkTo(fake: FakeDaemon, reconnectIntervalMs = 20) {
  const link = createDaemonLink({ home: '/fake/pm2', access: fake, rpcTimeoutMs: 200, reconnectIntervalMs, bus: true });
  links.push(link);
  const states: LinkState['kind'][] = [];
  link.onState((state) => states.push(state.kind));
  return { link, states };
}

describe('daemon link', () => {
  it('links to a running daemon with its pid and environment, and subscribes to its bus', async () => {
    const fake = new FakeDaemon();
    const { link, states } = linkTo(fake);
    await link.start();
    expect(link.state).toMatchObject({ kind: 'linked', daemonPid: 4242, epoch: 1 });
    expect(link.state.kind === 'linked' && link.state.shellEnv.get('HOME')).toBe('/home/op');
    expect(states).toEqual(['linked']);
    expect(fake.busCount).toBe(1);
  });

  it('says no-daemon, never starts one, and links once a daemon answers', async () => {
    const fake = new FakeDaemon({ running: false });
    const { link, states } = linkTo(fake);
    await link.start();
    expect(link.state.kind).toBe('no-daemon');
    await sleep(80);
    expect(fake.connects).toBe(0);
    expect(states).toEqual(['no-daemon']);
    fake.start();
    await until(() => link.state.kind === 'linked');
    expect(states).toEqual(['no-daemon', 'linked']);
  });

  it('notices a kill, does not relink to the dying daemon, and relinks to the next one', async () => {
    const fake = new FakeDaemon();
    const { link, states } = linkTo(fake);
    await link.start();
    fake.kill();
    expect(link.state.kind).toBe('no-daemon');
    // The old daemon answers once more while it finishes dying (its pid file still names it): not linked to.
    fake.running = true;
    await sleep(80);
    expect(link.state.kind).toBe('no-daemon');
    fake.start(5000);
    await until(() => link.state.kind === 'linked');
    expect(link.state).toMatchObject({ kind: 'linked', daemonPid: 5000, epoch: 2 });
    expect(states).toEqual(['linked', 'no-daemon', 'linked']);
  });

  it('notices a daemon that died without a word (sockets closed)', async () => {
    const fake = new FakeDaemon();
    const { link } = linkTo(fake);
    await link.start();
    fake.die();
    expect(link.state.kind).toBe('no-daemon');
    fake.start();
    await until(() => link.state.kind === 'linked');
  });

  it('calls time out on a stuck daemon without losing the link, and fail as gone once it died', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ hang: true });
    const { link } = linkTo(fake);
    await link.start();
    await expect(link.call('getMonitorData', {}, 50)).rejects.toBeInstanceOf(RpcTimeoutError);
    expect(link.state.kind).toBe('linked');
    const pending = link.call('getMonitorData', {}, 2000);
    fake.die();
    await expect(pending).rejects.toBeInstanceOf(DaemonGoneError);
    await expect(link.call('getMonitorData', {}, 50)).rejects.toBeInstanceOf(DaemonGoneError);
  });

  it('a call that fails because the daemon is gone takes the link down', async () => {
    const fake = new FakeDaemon();
    fake.scriptList({ hang: true });
    const { link } = linkTo(fake, 0);
    await link.start();
    fake.running = false; // it no longer answers a ping, but its socket has not closed yet
    await expect(link.call('getMonitorData', {}, 50)).rejects.toBeInstanceOf(DaemonGoneError);
    expect(link.state.kind).toBe('no-daemon');
  });

  it('passes on log chunks and process events from the current bus only', async () => {
    const fake = new FakeDaemon();
    const { link } = linkTo(fake);
    const heard: string[] = [];
    link.onLog((pmId, stream, data) => heard.push(`${pmId}:${stream}:${data}`));
    link.onProcessEvent((pmId, event) => heard.push(`${pmId}:${event}`));
    link.onPacket((topic) => heard.push(topic));
    await link.start();
    fake.log(0, 'out', 'hello\n');
    fake.event(0, 'restart');
    fake.packet('process:exception', { process: { pm_id: 0 }, data: { message: 'boom' } });
    link.close();
    fake.log(0, 'out', 'after close\n');
    expect(heard).toEqual(['0:out:hello\n', '0:restart', 'process:exception']);
  });
});
