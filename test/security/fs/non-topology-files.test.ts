// @vitest-environment node
// Opening a file that is not a topology (a wrong pick, or a file a page hoped to read through an
// error message) gives a message that quotes none of the file's content: no line, no value, no
// key, no bytes. Only the file's name and what to do.
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { readDocumentFile } from '../../../electron/document-files';
import { withTempDir } from '../../electron/helpers';

const cases: { name: string; content: string | Buffer }[] = [
  { name: 'passwd', content: 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nalice:x:1000:1000:Alice Secret,,,:/home/alice:/bin/zsh\n' },
  { name: 'shadow.json', content: 'alice:$6$saltsalt$Zq0HzJ0u3b6vQeYd1n8v2YkP:19000:0:99999:7:::\n' },
  { name: 'id_ed25519', content: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n' },
  { name: 'bashrc', content: 'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nalias ll="ls -la"\n' },
  { name: 'program.bin', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x53, 0x45, 0x43, 0x52, 0x45, 0x54]) },
  { name: 'utf16.txt', content: Buffer.from('\ufeffSECRET-PASSPHRASE-1234', 'utf16le') },
  { name: 'credentials.json', content: JSON.stringify({ aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }) },
  { name: 'tokens.json', content: JSON.stringify(['ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'xoxb-263594206564-FGqddMF8t08v8N7Oq4i57vs1']) },
  { name: 'config.json', content: '{"password": "hunter2-Hunter2", "formatVersion": "x"}' },
  { name: 'number.json', content: '31337133713371337' },
  { name: 'string.json', content: '"SECRET-PASSPHRASE-1234"' },
  { name: 'truncated.json', content: '{"psk": "s3cr3t-Pre-Shared-K3y", "name": "unterminated' },
  { name: 'proto.json', content: '{"__proto__": {"token": "SECRET-PASSPHRASE-1234"}}' },
];

/** Words of the app's own messages that may also occur in a file (field names, the refused keys). */
const VOCABULARY = /formatVersion|__proto__|constructor|prototype/g;

/** Every run of 8 characters of the content (as UTF-8 and as Latin-1, for binary files). */
function fragments(content: string | Buffer): string[] {
  const out = new Set<string>();
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for (const text of [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')]) {
    const t = text.replace(VOCABULARY, ' ');
    for (let i = 0; i + 8 <= t.length; i++) {
      const f = t.slice(i, i + 8);
      if (f.trim().length === 8) out.add(f);
    }
  }
  return [...out];
}

describe('a file that is not a topology', () => {
  it.each(cases)('$name: refused, and the message quotes none of its content', async ({ name, content }) => {
    await withTempDir(async (dir) => {
      const path = join(dir, name);
      await fs.writeFile(path, content);
      const r = await readDocumentFile(path);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.message).toContain(`"${name}"`);
      const message = r.message.replaceAll(`"${name}"`, '').replace(VOCABULARY, ' ');
      for (const f of fragments(content)) expect(message, `quotes ${JSON.stringify(f)}`).not.toContain(f);
      // eslint-disable-next-line no-control-regex -- control characters are what must not appear
      expect(message).not.toMatch(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/);
      // Says what it is not and leaves the user with something to do.
      expect(message).toMatch(/topology|JSON|text file/);
    });
  });
});
