"""Drive mockforce the way simple-salesforce 1.12 does, with Debian's python3-requests.

simple-salesforce always builds https:// URLs from the instance host, adds trailing slashes, sends
X-PrettyPrint: 1 and Content-Type: application/json on every call, parses Sforce-Limit-Info and
reads errors from the JSON array (reference/salesforce-api.md §0.4, §3, §6.3). The TLS chain is
verified against the CA mockforce generated (the same as REQUESTS_CA_BUNDLE). Prints one JSON
object with what it observed; the vitest wrapper asserts on it.
"""
import json
import re
import sys
from html import escape
from xml.dom.minidom import parseString

import requests

instance, session_id, ca_file, username, password, token = sys.argv[1:7]
sf_instance = instance.split('://', 1)[1]  # host:port; the scheme is dropped as simple-salesforce does
base_url = f'https://{sf_instance}/services/data/v59.0/'
out = {}

s = requests.Session()
s.verify = ca_file
headers = {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + session_id, 'X-PrettyPrint': '1'}


def call(method, url, **kw):
    r = s.request(method, url, headers=headers, **kw)
    return r


# query() with a trailing slash, then query_all-style paging via nextRecordsUrl (root-relative).
r = call('GET', base_url + 'query/', params={'q': 'SELECT Id, Name FROM Account ORDER BY Name'})
out['query_status'] = r.status_code
out['content_type'] = r.headers.get('Content-Type')
body = r.json()
records = list(body['records'])
out['first_page'] = len(records)
out['total'] = body['totalSize']
while not body['done']:
    body = call('GET', f"https://{sf_instance}{body['nextRecordsUrl']}").json()
    records.extend(body['records'])
out['query_all'] = len(records)
out['first_name'] = records[0]['Name']
m = re.match(r'api-usage=(\d+)/(\d+)', r.headers.get('Sforce-Limit-Info', ''))
out['api_usage'] = [int(m.group(1)), int(m.group(2))] if m else None

# include_deleted=True -> /queryAll/
r = call('GET', base_url + 'queryAll/', params={'q': 'SELECT COUNT() FROM Account'})
out['query_all_count'] = r.json()['totalSize']

# An error, the CRMArena way: str(exception) ends with "Response content: <repr of the list>".
r = call('GET', base_url + 'query/', params={'q': 'SELECT Bogus__x FROM Account'})
out['error_status'] = r.status_code
content = r.json()
out['error_code'] = content[0]['errorCode']
out['error_message_starts'] = content[0]['message'][:20]

# A 401 body must be a JSON array whose [0]['errorCode'] simple-salesforce reads.
r = s.get(base_url + 'limits/', headers={**headers, 'Authorization': 'Bearer nope'})
out['bad_token_status'] = r.status_code
out['bad_token_code'] = r.json()[0]['errorCode']

# Versions (no auth) and unknown resources.
out['versions_status'] = s.get(f'https://{sf_instance}/services/data/').status_code
r = call('GET', base_url + 'no-such-thing/')
out['unknown_status'] = r.status_code
out['unknown_code'] = r.json()[0]['errorCode']

# SOAP login as simple-salesforce's SalesforceLogin sends it (domain='host:port/services/Soap/u/59.0#').
login_body = f'''<?xml version="1.0" encoding="utf-8" ?>
<env:Envelope xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">
  <env:Header><urn:CallOptions><urn:client>simple-salesforce</urn:client><urn:defaultNamespace>sf</urn:defaultNamespace></urn:CallOptions></env:Header>
  <env:Body><n1:login xmlns:n1="urn:partner.soap.sforce.com"><n1:username>{escape(username)}</n1:username><n1:password>{escape(password)}{escape(token)}</n1:password></n1:login></env:Body>
</env:Envelope>'''
r = s.post(f'https://{sf_instance}/services/Soap/u/59.0', data=login_body,
           headers={'content-type': 'text/xml', 'charset': 'UTF-8', 'SOAPAction': 'login'})
out['soap_status'] = r.status_code
dom = parseString(r.content)
new_session = dom.getElementsByTagName('sessionId')[0].firstChild.nodeValue
server_url = dom.getElementsByTagName('serverUrl')[0].firstChild.nodeValue
out['soap_instance'] = server_url.replace('http://', '').replace('https://', '').split('/')[0].replace('-api', '')
r = s.get(base_url + 'query/', params={'q': 'SELECT Id FROM Account LIMIT 1'},
          headers={**headers, 'Authorization': 'Bearer ' + new_session})
out['soap_session_works'] = r.status_code

# A failed login: the fault's sf:exceptionCode / sf:exceptionMessage.
bad = login_body.replace(escape(password) + escape(token), 'wrong')
r = s.post(f'https://{sf_instance}/services/Soap/u/59.0', data=bad, headers={'content-type': 'text/xml', 'SOAPAction': 'login'})
dom = parseString(r.content)
out['fault_status'] = r.status_code
out['fault_code'] = dom.getElementsByTagName('sf:exceptionCode')[0].firstChild.nodeValue

# TLS verification is real: without the CA the chain does not verify.
try:
    requests.get(f'https://{sf_instance}/services/data/', verify=True, timeout=5)
    out['unverified_rejected'] = False
except requests.exceptions.SSLError:
    out['unverified_rejected'] = True

print(json.dumps(out))
