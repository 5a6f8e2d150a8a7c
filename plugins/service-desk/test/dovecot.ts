import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@aftercare/core';

/** Path of Debian's Dovecot (package dovecot-imapd), or null when it is not installed. */
export function dovecotBinary(): string | null {
  for (const candidate of ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) {
    if (spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  return null;
}

/** A private Dovecot IMAP server for one test file. */
export interface Dovecot {
  port: number;
  user: string;
  password: string;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited: ${await fs.readFile(log, 'utf8').catch(() => '')}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

/**
 * Start Dovecot on a free loopback port with its configuration, state and mail in a temporary
 * directory and one plaintext test user (Maildir, no TLS): a real IMAP server, not a mock.
 */
export async function startDovecot(binary: string): Promise<Dovecot> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aftercare-dovecot-'));
  // Dovecot's login and mail processes run as unprivileged users: they must reach these folders.
  await fs.chmod(dir, 0o755);
  for (const sub of ['run', 'state']) await fs.mkdir(path.join(dir, sub), { mode: 0o755 });
  for (const sub of ['mail', 'home']) {
    await fs.mkdir(path.join(dir, sub));
    await fs.chmod(path.join(dir, sub), 0o777);
  }
  const port = await freePort();
  const user = 'desk';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(path.join(dir, 'users'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const uid = process.getuid?.() === 0 ? 65534 : process.getuid!();
  const gid = process.getuid?.() === 0 ? 65534 : process.getgid!();
  const log = path.join(dir, 'dovecot.log');
  const config = `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = aftercare-test-${port}
log_path = ${log}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
  await fs.writeFile(path.join(dir, 'dovecot.conf'), config);
  const child = spawn(binary, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, log);
  } catch (err) {
    child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    user,
    password,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
