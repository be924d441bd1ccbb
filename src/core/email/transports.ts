import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  id: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
}

export interface DeliveryReceipt {
  messageId: string;
  response: string;
}

/** Where email goes: the local sink (files) or an SMTP server. */
export interface Transport {
  name: 'sink' | 'smtp';
  send(email: OutgoingEmail): Promise<DeliveryReceipt>;
  close(): void;
}

const toMail = (email: OutgoingEmail) => ({
  from: email.from,
  to: email.to,
  replyTo: email.replyTo,
  subject: email.subject,
  html: email.html,
  text: email.text,
  headers: { 'X-EduLedger-Email-Id': email.id },
});

/** Writes each message as an .eml file under `dir`; nothing leaves the machine. */
export function sinkTransport(dir: string): Transport {
  const builder = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    name: 'sink',
    async send(email) {
      const info = await builder.sendMail(toMail(email));
      mkdirSync(dir, { recursive: true });
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${email.id}.eml`,
      );
      writeFileSync(file, info.message as Buffer);
      return { messageId: info.messageId, response: `stored ${path.basename(file)}` };
    },
    close: () => builder.close(),
  };
}

export interface SmtpOptions {
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
}

/** One pooled SMTP transporter for the process. */
export function smtpTransport(options: SmtpOptions): Transport {
  const fromUrl = options.url ? new URL(options.url) : undefined;
  const transporter = nodemailer.createTransport({
    pool: true,
    host: fromUrl?.hostname ?? options.host,
    port: fromUrl?.port ? Number(fromUrl.port) : options.port,
    secure: fromUrl ? fromUrl.protocol === 'smtps:' : options.secure,
    auth:
      (fromUrl?.username ?? options.user)
        ? {
            user: decodeURIComponent(fromUrl?.username ?? options.user ?? ''),
            pass: decodeURIComponent(fromUrl?.password ?? options.password ?? ''),
          }
        : undefined,
  });
  return {
    name: 'smtp',
    async send(email) {
      const info = await transporter.sendMail(toMail(email));
      return { messageId: info.messageId, response: String(info.response) };
    },
    close: () => transporter.close(),
  };
}

/** SMTP 5xx answers are permanent; 4xx answers and connection problems are worth retrying. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
