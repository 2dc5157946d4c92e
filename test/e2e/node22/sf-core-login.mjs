// What `sf org login access-token --instance-url <url>` does, through @salesforce/core (sfdx-core,
// the library under the sf CLI): AuthInfo from an access token (token-shape check, userinfo, User
// record), a Connection with the max advertised API version, a SOQL query, then the auth file
// saved under $HOME/.sfdx. Prints one JSON line.
import { AuthInfo, Connection, Org } from '@salesforce/core';

const [url, token] = process.argv.slice(2);
const authInfo = await AuthInfo.create({ accessTokenOptions: { accessToken: token, instanceUrl: url, loginUrl: url } });
const fields = authInfo.getFields();
await authInfo.save();
const conn = await Connection.create({ authInfo });
const apiVersion = conn.getApiVersion();
const res = await conn.query('SELECT Id, Name FROM Account ORDER BY Name LIMIT 3');
const org = await Org.create({ connection: conn });
console.log(JSON.stringify({
  username: fields.username,
  orgId: fields.orgId,
  instanceUrl: fields.instanceUrl,
  apiVersion,
  records: res.records.length,
  firstName: res.records[0]?.Name,
  org: org.getOrgId(),
}));
