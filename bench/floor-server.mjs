// The floor for verification (PRODUCT.md §9): a bare node:http server that reads the JSON body,
// hashes the key with SHA-256, looks it up in a Map and answers JSON. Run beside Keyward by the bench.
//   node bench/floor-server.mjs <port> <file of sample key values, one per line> <map size>
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

const [port, keysFile, size] = process.argv.slice(2);
const known = new Map();
for (const value of fs.readFileSync(keysFile, 'utf8').split('\n').filter(Boolean))
  known.set(crypto.createHash('sha256').update(value).digest('hex'), { id: value.slice(-8) });
for (let i = known.size; i < Number(size); i += 1) known.set(crypto.randomBytes(32).toString('hex'), { id: String(i) });

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"malformed"}');
        return;
      }
      const key = known.get(crypto.createHash('sha256').update(String(body.key)).digest('hex'));
      const answer = JSON.stringify(
        key ? { valid: true, code: 'VALID', keyId: key.id } : { valid: false, code: 'NOT_FOUND' },
      );
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) })
        .end(answer);
    });
  })
  .listen(Number(port), '127.0.0.1', () => console.log(`floor listening on ${port}`));
