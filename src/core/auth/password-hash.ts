import { hash, verify } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 iterations). */
export const hashPassword = (password: string) =>
  hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });

export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password);
