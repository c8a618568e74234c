import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { ticketDetailSchema } from '@/api/schemas/tickets';
import { activeAgent } from '../support/agent-api';
import { expectError, setupMockApi } from '../support/api-client';
import { PNG_BYTES, ticketApiSteps } from '../support/ticket-api';
import { BUG_REPORT, download, uploadFile } from '../support/tickets';

/** TICKET-3: the largest file a ticket takes, as the spec states it. */
const EIGHT_MB = 8 * 1024 * 1024;

const api = setupMockApi();
const { pendingBob, fileBugReport } = ticketApiSteps(api);

describe('attachment limits hold at the API (TICKET-3)', () => {
  it.each([
    ['an .exe', 'setup.exe', 'attachment_type'],
    ['a name ending in .exe behind .png', 'photo.png.exe', 'attachment_type'],
    ['a name without an extension', 'README', 'attachment_type'],
    ['an .svg', 'logo.svg', 'attachment_type'],
  ])('refuses %s', async (_label, name, problem) => {
    const alice = await api.signedIn('alice@example.com');

    const response = await uploadFile(alice, name, 'MZ');

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({ file: problem });
    expect(await api.server.run((state) => state.attachments.length)).toBe(0);
  });

  it('checks the file name even when the client sends no separate name', async () => {
    const alice = await api.signedIn('alice@example.com');

    const response = await uploadFile(alice, 'setup.exe', 'MZ', { nameField: false });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      file: 'attachment_type',
    });
  });

  it('takes 8 MB exactly, refuses one byte more, and refuses an empty file', async () => {
    const alice = await api.signedIn('alice@example.com');

    expect((await uploadFile(alice, 'big.zip', new Uint8Array(EIGHT_MB))).status).toBe(201);
    const tooBig = await uploadFile(alice, 'bigger.zip', new Uint8Array(EIGHT_MB + 1));
    expect(expectError(tooBig, 'VALIDATION_FAILED').fieldErrors).toEqual({
      file: 'attachment_too_big',
    });
    const empty = await uploadFile(alice, 'empty.txt', '');
    expect(expectError(empty, 'VALIDATION_FAILED').fieldErrors).toEqual({
      file: 'attachment_empty',
    });
  });

  it('takes every allowed type, in any case, and serves it by its extension', async () => {
    const alice = await api.signedIn('alice@example.com');
    const names = [
      'a.PNG',
      'b.gif',
      'c.jpg',
      'd.jpeg',
      'e.bmp',
      'f.doc',
      'g.docx',
      'h.pdf',
      'i.xlsx',
      'j.xls',
      'k.txt',
      'l.zip',
      'm.rar',
    ];

    const types = [];
    for (const name of names) {
      const response = await uploadFile(alice, name, 'x');
      expect(response.status, name).toBe(201);
      types.push((response.body as { contentType: string }).contentType);
    }
    expect(types.slice(0, 3)).toEqual(['image/png', 'image/gif', 'image/jpeg']);
  });

  it('refuses more than 5 attachments in one submission', async () => {
    const alice = await api.signedIn('alice@example.com');
    const ids: string[] = [];
    for (let index = 0; index < 6; index++) {
      ids.push(
        ((await uploadFile(alice, `shot-${index}.png`, PNG_BYTES)).body as { id: string }).id,
      );
    }

    const response = await alice.post(paths.tickets.href, { ...BUG_REPORT, attachmentIds: ids });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      attachmentIds: 'too_big',
    });
    await fileBugReport(alice, { attachmentIds: ids.slice(0, 5) });
  });

  it("refuses someone else's upload and one already used", async () => {
    const alice = await api.signedIn('alice@example.com');
    const owner = await api.signedIn('owner@example.com');
    const ownerFile = ((await uploadFile(owner, 'owner.png', PNG_BYTES)).body as { id: string }).id;
    const aliceFile = ((await uploadFile(alice, 'alice.png', PNG_BYTES)).body as { id: string }).id;
    await fileBugReport(alice, { attachmentIds: [aliceFile] });

    for (const ids of [[ownerFile], [aliceFile]]) {
      const response = await alice.post(paths.tickets.href, { ...BUG_REPORT, attachmentIds: ids });
      expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
        attachmentIds: 'invalid',
      });
    }
  });

  it('requires an attachment for Change Owner Account', async () => {
    const owner = await api.signedIn('owner@example.com');

    const response = await owner.post(paths.tickets.href, { ...BUG_REPORT, type: 'change_owner' });

    expect(expectError(response, 'VALIDATION_FAILED').fieldErrors).toEqual({
      attachmentIds: 'required',
    });
    const form = ((await uploadFile(owner, 'signed-form.pdf', '%PDF-1.4')).body as { id: string })
      .id;
    await fileBugReport(owner, { type: 'change_owner', attachmentIds: [form] });
  });

  it('opens an attachment again from the ticket, byte for byte, for who may read it', async () => {
    const alice = await api.signedIn('alice@example.com');
    const upload = (await uploadFile(alice, 'screen shot é.png', PNG_BYTES)).body as { id: string };
    const ticket = await fileBugReport(alice, { attachmentIds: [upload.id] });
    const detail = ticketDetailSchema.parse((await alice.get(paths.ticket.href(ticket.id))).body);
    const entry = detail.entries[0];
    expect(
      entry?.kind === 'message' && entry.attachments.map(({ name, size }) => ({ name, size })),
    ).toEqual([{ name: 'screen shot é.png', size: PNG_BYTES.length }]);

    const file = await download(alice, paths.ticketAttachment.href(upload.id));

    expect(file.status).toBe(200);
    expect(file.bytes).toEqual(PNG_BYTES);
    expect(file.headers.get('Content-Type')).toBe('image/png');
    expect(file.headers.get('Content-Disposition')).toBe(
      `attachment; filename="screen shot _.png"; filename*=UTF-8''screen%20shot%20%C3%A9.png`,
    );
    expect(file.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const support = await activeAgent(api);
    expect((await download(support, paths.ticketAttachment.href(upload.id))).bytes).toEqual(
      PNG_BYTES,
    );
    expect((await download(api.client(), paths.ticketAttachment.href(upload.id))).status).toBe(401);
  });

  it('caps the uploads an account holds unused', async () => {
    const bob = await pendingBob();
    for (let index = 0; index < 20; index++) {
      expect((await uploadFile(bob, `${index}.txt`, 'x')).status).toBe(201);
    }

    expectError(await uploadFile(bob, 'one-more.txt', 'x'), 'RATE_LIMITED');
  });
});

describe('Reset demo data (MOCK-8)', () => {
  it('drops the bytes of every attachment along with the state', async () => {
    const alice = await api.signedIn('alice@example.com');
    const upload = (await uploadFile(alice, 'a.png', PNG_BYTES)).body as { id: string };
    expect(await api.server.attachments.get(upload.id)).not.toBeNull();

    expect((await api.client().post(paths.devReset.href)).status).toBe(204);

    expect(await api.server.attachments.get(upload.id)).toBeNull();
  });
});
