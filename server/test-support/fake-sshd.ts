/**
 * Test helper: an SSH server in this process (ssh2's Server, ed25519 host key, a free port on
 * 127.0.0.1) that plays an attacker's machine and records what reaches it: every authentication
 * attempt (method, and the password or keyboard-interactive answers sent), and every line written
 * to a sudo prompt. It accepts any password and answers a sudo-wrapped command with its prompt.
 */
import type { AddressInfo } from 'node:net';
import ssh2 from 'ssh2';
import { SUDO_PROMPT } from '../ssh/sudo';

const { Server, utils } = ssh2;

export interface AuthAttempt {
  method: string;
  user: string;
  /** The password, or keyboard-interactive answers, the client sent. */
  secrets: string[];
}

export interface FakeSshd {
  port: number;
  attempts: AuthAttempt[];
  /** Lines received on stdin after a sudo prompt. */
  sudoAnswers: string[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export async function startFakeSshd(): Promise<FakeSshd> {
  const hostKey = utils.generateKeyPairSync('ed25519').private;
  const state: Omit<FakeSshd, 'port' | 'close'> = { attempts: [], sudoAnswers: [], connections: 0 };
  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    state.connections++;
    client.on('error', () => undefined);
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password') {
        state.attempts.push({ method: 'password', user: ctx.username, secrets: [ctx.password] });
        ctx.accept();
      } else if (ctx.method === 'keyboard-interactive') {
        ctx.prompt([{ prompt: 'Password: ', echo: false }], (answers) => {
          state.attempts.push({ method: 'keyboard-interactive', user: ctx.username, secrets: answers });
          ctx.accept();
        });
      } else {
        state.attempts.push({ method: ctx.method, user: ctx.username, secrets: [] });
        ctx.reject(['password', 'keyboard-interactive']);
      }
    });
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept();
        session.on('exec', (acceptExec, _reject, info) => {
          const stream = acceptExec();
          if (!info.command.includes(SUDO_PROMPT)) {
            stream.exit(0);
            stream.end();
            return;
          }
          stream.stderr.write(SUDO_PROMPT);
          let buffered = '';
          stream.on('data', (chunk: Buffer) => {
            buffered += chunk.toString('utf8');
            const nl = buffered.indexOf('\n');
            if (nl < 0) return;
            state.sudoAnswers.push(buffered.slice(0, nl));
            stream.stderr.write('Sorry, try again.\nsudo: 1 incorrect password attempt\n');
            stream.exit(1);
            stream.end();
          });
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    get attempts() {
      return state.attempts;
    },
    get sudoAnswers() {
      return state.sudoAnswers;
    },
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
