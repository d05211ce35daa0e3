import { InputFile } from 'grammy';
import { join } from 'node:path';
import type { BotApp } from '../context.ts';

/**
 * The picture an offer shows: a photo attached to the order itself (not one of a master's
 * photos of finished work). The first send uploads the file; later sends reuse Telegram's file_id.
 */
export class OrderPhotos {
  private readonly app: BotApp;
  private readonly fileIds = new Map<number, string>();

  constructor(app: BotApp) {
    this.app = app;
  }

  async forOrder(orderId: number): Promise<string | InputFile | null> {
    const known = this.fileIds.get(orderId);
    if (known) return known;
    const row = await this.app.ops.db('order_photos')
      .where({ order_id: orderId, tenant_id: this.app.tenant.id })
      .whereNull('master_id')
      .orderBy('id')
      .first('file_path', 'telegram_file_id');
    if (!row) return null;
    if (row.telegram_file_id) return row.telegram_file_id as string;
    return new InputFile(join(this.app.config.STORAGE_DIR, row.file_path as string));
  }

  /** After an upload, the file_id Telegram gave it. */
  remember(orderId: number, fileId: string | undefined): void {
    if (fileId) this.fileIds.set(orderId, fileId);
  }
}
