import { randomBytes } from 'node:crypto';

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  /** Relative path served under /file/bot<token>/, as getFile reports it. */
  filePath: string;
  mime: string;
  bytes: Uint8Array;
}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** Files the fake knows: added by tests, uploaded by the bot, or sent by simulated users. */
export class FileStore {
  private byId = new Map<string, StoredFile>();
  private byPath = new Map<string, StoredFile>();
  private count = 0;

  /** `filename` (from an upload) picks the extension when the MIME type does not. */
  add(bytes: Uint8Array, mime = 'application/octet-stream', filename?: string): StoredFile {
    this.count++;
    const extension = EXTENSIONS[mime] ?? /\.(\w{1,8})$/.exec(filename ?? '')?.[1]?.toLowerCase() ?? 'dat';
    const folder = mime.startsWith('image/') || ['jpg', 'jpeg', 'png', 'webp'].includes(extension) ? 'photos' : 'documents';
    // Opaque like real ids, so nobody is tempted to parse them.
    const file: StoredFile = {
      fileId: `AgAC${randomBytes(18).toString('base64url')}${this.count}`,
      fileUniqueId: `AQAD${randomBytes(6).toString('base64url')}${this.count}`,
      filePath: `${folder}/file_${this.count}.${extension}`,
      mime,
      bytes,
    };
    this.byId.set(file.fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }
}
