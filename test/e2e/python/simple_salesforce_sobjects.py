"""The sObject, search and OAuth calls of simple-salesforce 1.12.6, replayed with python3-requests.

Each request below is the one the real library sent to mockforce (captured with a requests response
hook while driving simple-salesforce 1.12.6 itself over HTTPS): its paths (trailing slash on create
and query, none on get/update/delete/describe), its headers (Content-Type: application/json and
X-PrettyPrint: 1 on every REST call), its datetime format for updated/deleted (`+00:00`), and its
OAuth token POSTs when `domain='host:port/services/oauth2/token#'` points the login at localhost
(reference/salesforce-api.md §1.2, §1.5). Prints one JSON object; the vitest wrapper asserts on it.
"""
import json
import sys

import requests

instance, session_id, ca_file, username, password = sys.argv[1:6]
sf_instance = instance.split('://', 1)[1]
base = f'https://{sf_instance}/services/data/v59.0/'
out = {}
s = requests.Session()
s.verify = ca_file
headers = {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + session_id, 'X-PrettyPrint': '1'}


def call(method, path, **kw):
    return s.request(method, base + path, headers=headers, **kw)


# query() then query_more(identifier) with identifier_is_url=False: GET query/{locator} (no slash).
r = call('GET', 'query/', params={'q': 'SELECT Id FROM Account'}).json()
locator = r['nextRecordsUrl'].split('/')[-1]
r2 = call('GET', 'query/' + locator)
out['more_status'] = r2.status_code
out['more_count'] = len(r2.json()['records'])
out['pretty'] = r2.text.startswith('{\n')

# quick_search('First1'): GET search/?q=FIND {First1}
r = call('GET', 'search/', params={'q': 'FIND {First1}'})
out['quick_search_status'] = r.status_code
out['quick_search_types'] = sorted({x['attributes']['type'] for x in r.json()['searchRecords']})

# SFType.describe(), SFType.metadata() (trailing slash), Salesforce.describe()
out['describe'] = call('GET', 'sobjects/Account/describe').json()['name']
out['metadata'] = call('GET', 'sobjects/Account/').json()['objectDescribe']['name']
out['global_count'] = len(call('GET', 'sobjects').json()['sobjects'])

# create (POST with slash), get, update (PATCH 204), delete (204)
r = call('POST', 'sobjects/Account/', data=json.dumps({'Name': 'Py Co'}))
out['create_status'] = r.status_code
out['create_body_keys'] = sorted(r.json().keys())
new_id = r.json()['id']
out['get_name'] = call('GET', f'sobjects/Account/{new_id}').json()['Name']
out['update_status'] = call('PATCH', f'sobjects/Account/{new_id}', data=json.dumps({'Phone': '555'})).status_code
out['delete_status'] = call('DELETE', f'sobjects/Account/{new_id}').status_code
out['get_deleted_status'] = call('GET', f'sobjects/Account/{new_id}').status_code

# get_by_custom_id('Id', id) and upsert('Id/<id>', data): the Id field works as the external Id
first = call('GET', 'query/', params={'q': 'SELECT Id FROM Account ORDER BY Id LIMIT 1'}).json()['records'][0]['Id']
out['by_custom_id'] = call('GET', f'sobjects/Account/Id/{first}').json()['Id'] == first
r = call('PATCH', f'sobjects/Account/Id/{first}', data=json.dumps({'Phone': '123'}))
out['upsert_status'] = r.status_code
out['upsert_created'] = r.json()['created']

# updated()/deleted() with simple-salesforce's isoformat datetimes (+00:00), inside the 30 days
rng = {'start': '2024-05-15T00:00:00+00:00', 'end': '2024-06-01T00:00:00+00:00'}
r = call('GET', 'sobjects/Account/updated/', params=rng)
out['updated_status'] = r.status_code
out['updated_keys'] = sorted(r.json().keys())
r = call('GET', 'sobjects/Account/deleted/', params=rng)
out['deleted_status'] = r.status_code
out['deleted_keys'] = sorted(r.json().keys())

# restful('limits') has no trailing slash
out['limits'] = call('GET', 'limits').json()['DailyApiRequests']['Max']

# OAuth logins through domain='host:port/services/oauth2/token#': the fragment is dropped by
# requests, the form goes to /services/oauth2/token
token_url = f'https://{sf_instance}/services/oauth2/token#.salesforce.com/services/oauth2/token'
form = {'Content-Type': 'application/x-www-form-urlencoded'}
r = s.post(token_url, {'grant_type': 'client_credentials'}, headers={'Authorization': 'Basic azpz'})
out['client_credentials_status'] = r.status_code
out['client_credentials_instance'] = r.json().get('instance_url')
r = s.post(token_url, {'grant_type': 'password', 'client_id': 'k', 'client_secret': 's', 'username': username, 'password': password})
out['password_status'] = r.status_code
tok = r.json()['access_token']
out['password_token_works'] = s.get(base + 'limits', headers={'Authorization': 'Bearer ' + tok}).status_code
r = s.post(token_url, {'grant_type': 'password', 'client_id': 'k', 'client_secret': 's', 'username': username, 'password': 'wrong'})
out['bad_password'] = [r.status_code, r.json().get('error'), r.json().get('error_description')]

print(json.dumps(out))
