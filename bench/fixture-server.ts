/**
 * The loopback server of the adapter bench, run in its own process so that its CPU is not the client's:
 * MAB's `GET /phones/{iin}` (JSON, the contract's example body) and the SHEP SyncChannel endpoint answering
 * GBD FL's GetPerson with the contract's fixture. Prints its port on stdout once it listens.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const phone = JSON.stringify({ iin: '850312400019', phone: '+77012345678', registeredAt: '2021-04-12' });
const soapFixture = path.join(root, 'contracts/gbdfl/examples/GetPerson__living_person/response.xml');
const soapTemplate = fs.existsSync(soapFixture) ? fs.readFileSync(soapFixture, 'utf8') : '';

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/phones/')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(phone) });
    res.end(phone);
    return;
  }
  if (req.method === 'POST' && req.url === '/shep/sync') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Echo the request's messageId (and correlationId) as SHEP does, into the fixture answer.
      const body = Buffer.concat(chunks).toString('utf8');
      const messageId = /<messageId>([^<]*)<\/messageId>/.exec(body)?.[1] ?? '';
      const correlationId = /<correlationId>([^<]*)<\/correlationId>/.exec(body)?.[1];
      let xml = soapTemplate.replace(/<messageId>[^<]*<\/messageId>/, `<messageId>${messageId}</messageId>`);
      if (correlationId !== undefined)
        xml = xml.replace(
          /<correlationId>[^<]*<\/correlationId>/,
          `<correlationId>${correlationId}</correlationId>`,
        );
      res.writeHead(200, {
        'Content-Type': 'text/xml; charset=utf-8',
        'Content-Length': Buffer.byteLength(xml),
      });
      res.end(xml);
    });
    return;
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
