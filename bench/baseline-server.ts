import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import jwt from 'jsonwebtoken';
import { MongoClient } from 'mongodb';

/**
 * The bare baseline: one raw driver findOne by NIN on the same data, with no auth, validation,
 * logging or presenter; and the same behind ES256 token verification alone. Runs in its own
 * process, like the service.
 */
async function main() {
  const client = await MongoClient.connect(process.env.MONGODB_URI as string);
  const persons = client.db(process.env.MONGODB_DB).collection<{ _id: string }>('persons');
  const app = express();
  app.get('/persons/:nin', async (req, res) => {
    const person = await persons.findOne({ _id: req.params.nin });
    if (person) res.json(person);
    else res.status(404).end();
  });
  // The same read behind nothing but ES256 token verification, to price verification alone.
  const publicKey = createPublicKey(
    readFileSync(path.join(process.env.DATA_DIR as string, 'keys', 'access-token.pem'), 'utf8'),
  );
  app.get('/verified/persons/:nin', async (req, res) => {
    try {
      jwt.verify((req.get('authorization') ?? '').slice(7), publicKey, { algorithms: ['ES256'] });
    } catch {
      res.status(401).end();
      return;
    }
    const person = await persons.findOne({ _id: req.params.nin });
    if (person) res.json(person);
    else res.status(404).end();
  });
  app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
}

void main();
