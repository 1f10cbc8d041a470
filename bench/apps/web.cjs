// A small HTTP service on 127.0.0.1:$PORT with GET /health; logs one line per request.
'use strict';
const http = require('node:http');

const port = Number(process.env.PORT || 0);
const server = http.createServer((req, res) => {
  console.log(`${req.method} ${req.url}`);
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(404);
  res.end();
});
server.listen(port, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
