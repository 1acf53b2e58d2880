import express from 'express';
import { MongoClient } from 'mongodb';

/**
 * The bare baseline: one raw driver findOne by NIN on the same data, with no auth, validation,
 * logging or presenter. Runs in its own process, like the service.
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
  app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
}

void main();
