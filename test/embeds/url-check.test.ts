// Attack: URL check vs what the iframe would load (held: kept as coverage).
import { expect } from '@open-wc/testing';
import { checkPluginUrl } from '../../src/protocol/origins.js';

const CANDIDATES = [
  'https://plugin.intelliprove.com/x',
  'HTTPS://PLUGIN.INTELLIPROVE.COM/x',
  'https:///plugin.intelliprove.com/x',
  'https:////plugin.intelliprove.com/x',
  'https:plugin.intelliprove.com/x',
  'https:/plugin.intelliprove.com/x',
  '//plugin.intelliprove.com/x',
  'https://plugin.intelliprove.com\\@evil.test/',
  'https://evil.test\\.intelliprove.com/',
  'https://evil.test#.intelliprove.com',
  'https://evil.test?.intelliprove.com',
  'https://intelliprove.com@evil.test/',
  'https://plugin.intelliprove.com%2F@evil.test/',
  'https://plugin.intelliprove.com%2eevil.test/',
  'https://evil.test%2f.intelliprove.com/',
  'https://evil.test%23.intelliprove.com/',
  'https://intelliprove.com。evil.test/',
  'https://evil.test\u3002intelliprove.com/',
  'https://evil\uFF0Eintelliprove.com/',
  'https://xn--intelliprove-.com/',
  'https://plugin.intelliprove.com./',
  'https://plugin.intelliprove.com:443/x',
  'https://plugin.intelliprove.com:8443/x',
  ' https://plugin.intelliprove.com/x',
  'https://plugin.intelli\tprove.com/x',
  'https://0x7f.1/',
  'https://[::1]/',
  'blob:https://plugin.intelliprove.com/uuid',
  'javascript://plugin.intelliprove.com/%0aalert(1)',
  'http://plugin.intelliprove.com/x',
];

describe('URL check vs the iframe', () => {
  for (const raw of CANDIDATES) {
    it(`${JSON.stringify(raw)}: accepted only if the iframe loads an approved intelliprove origin`, () => {
      const url = checkPluginUrl(raw, []);
      if (!url) return;
      const frame = document.createElement('iframe');
      frame.setAttribute('src', raw); // not attached: no navigation, only resolution
      const loads = new URL(frame.src);
      expect(loads.origin).to.equal(url.origin);
      expect(loads.protocol).to.equal('https:');
      expect(
        loads.hostname === 'intelliprove.com' || loads.hostname.endsWith('.intelliprove.com'),
      ).to.equal(true);
    });
  }
});
