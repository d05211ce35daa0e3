import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { InputFile } from 'grammy';
import { logger } from '../../../db/logger.ts';
import { intakePhoto } from '../../../db/orders/queries.ts';
import type { BotApp } from '../../context.ts';

/**
 * The picture an offer shows: a photo attached to the order itself (not one of a master's
 * photos of finished work). The first send uploads the file; later sends reuse Telegram's file_id.
 * A photo Telegram refused, or whose file is gone, is not tried again: the order is offered in text.
 */
export class OrderPhotos {
  private readonly app: BotApp;
  private readonly fileIds = new Map<number, string>();
  private readonly refused = new Set<number>();

  constructor(app: BotApp) {
    this.app = app;
  }

  async forOrder(orderId: number): Promise<string | InputFile | null> {
    if (this.refused.has(orderId)) return null;
    const known = this.fileIds.get(orderId);
    if (known) return known;
    const photo = await intakePhoto(this.app.ops.db, this.app.tenant.id, orderId);
    if (!photo) return null;
    if (photo.telegramFileId) return photo.telegramFileId;
    const path = join(this.app.config.STORAGE_DIR, photo.filePath);
    try {
      await access(path);
    } catch (error) {
      logger.warn({ err: error, orderId }, 'the order photo file is missing; offering in text');
      this.refuse(orderId);
      return null;
    }
    return new InputFile(path);
  }

  /** After an upload, the file_id Telegram gave it. */
  remember(orderId: number, fileId: string | undefined): void {
    if (fileId) this.fileIds.set(orderId, fileId);
  }

  /** Telegram would not take the order's photo: its offers go out in text from now on. */
  refuse(orderId: number): void {
    this.refused.add(orderId);
    this.fileIds.delete(orderId);
  }
}
