// The fake Bot API's files: getFile, downloads, and stored photo uploads.
import test from 'ava';
import { InputFile } from 'grammy';
import { SimulatedUser } from '../../../bot/sandbox/index.ts';
import { fakeTelegramBot, startPolling, TOKEN } from '../../support/fakeTelegramBot.ts';
import { waitFor } from '../../support/wait.ts';

test('files: getFile and download; photo uploads (sendPhoto, sendMediaGroup) are stored', async (t) => {
  const { tg, bot, apiRoot, errors } = await fakeTelegramBot(t, { limits: false });
  const bytes = new Uint8Array([1, 2, 3, 4, 5, 250]);
  const fileId = tg.addFile(bytes, 'image/png');
  const file = await bot.api.getFile(fileId);
  t.like(file, { file_id: fileId, file_size: 6 });
  const download = await fetch(`${apiRoot}/file/bot${TOKEN}/${file.file_path}`);
  t.is(download.status, 200);
  t.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
  t.is((await fetch(`${apiRoot}/file/bot${TOKEN}/photos/missing.jpg`)).status, 404);
  await t.throwsAsync(bot.api.getFile('no-such-file'), { message: /invalid file_id/ });

  // A master's photo reaches the bot, which downloads the largest size and sends two back as an album.
  const received: Uint8Array[] = [];
  bot.on('message:photo', async (ctx) => {
    const largest = await ctx.api.getFile(ctx.message.photo.at(-1)?.file_id ?? '');
    const response = await fetch(`${apiRoot}/file/bot${TOKEN}/${largest.file_path}`);
    received.push(new Uint8Array(await response.arrayBuffer()));
    await ctx.replyWithPhoto(new InputFile(new Uint8Array([9, 9, 9]), 'report.jpg'), { caption: 'got it' });
    await ctx.replyWithMediaGroup([
      { type: 'photo', media: new InputFile(new Uint8Array([7])), caption: 'before' },
      { type: 'photo', media: largest.file_id },
    ]);
  });
  await startPolling(bot);
  const master = new SimulatedUser(tg, { id: 505, firstName: 'Фотограф' });
  master.sendPhoto(new Uint8Array([0xff, 0xd8, 42, 0xff, 0xd9]), { caption: 'done' });
  const reply = await master.waitForMessage('got it');
  await master.waitFor((message) => message.mediaGroupId !== undefined && message.photo?.[0] !== undefined && message.caption === undefined);

  t.deepEqual(received, [new Uint8Array([0xff, 0xd8, 42, 0xff, 0xd9])]);
  t.deepEqual(tg.file(reply.photo?.[0] ?? '')?.bytes, new Uint8Array([9, 9, 9]), 'the multipart upload is stored');
  const album = master.messages().filter((message) => message.mediaGroupId);
  t.is(album.length, 2);
  t.is(album[0].mediaGroupId, album[1].mediaGroupId);
  t.is(album[0].caption, 'before');
  t.deepEqual(tg.file(album[0].photo?.[0] ?? '')?.bytes, new Uint8Array([7]));
  t.is(tg.calls.find((call) => call.method === 'sendPhoto')?.payload.caption, 'got it');
  t.deepEqual(errors, []);
});
