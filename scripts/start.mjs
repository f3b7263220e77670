// `npm start`: set up, build the production site and serve it on 127.0.0.1.
import { build } from './build.mjs';
import { say } from './proc.mjs';
import { serve } from './serve.mjs';
import { setup } from './setup.mjs';

await setup();
await build();
const port = Number(process.env.PORT ?? 8000);
let server;
try {
  server = await serve({ root: 'dist', port });
} catch (err) {
  if (err?.code !== 'EADDRINUSE') throw err;
  say(`port ${port} is busy; using a free one`);
  server = await serve({ root: 'dist', port: 0 });
}
say(`SessionLab is running at ${server.url}`);
say('press Ctrl+C to stop');
