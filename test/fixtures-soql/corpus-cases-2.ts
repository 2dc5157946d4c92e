/**
 * Second SOQL corpus: "other people's queries" — the forms the Salesforce SOQL reference examples,
 * jsforce's query builder (`sobject().find(conditions).sort().limit()`, output checked against
 * jsforce 3.10.16's soql-builder), simple-salesforce's format_soql and LLM agents on CRMArena emit,
 * adapted to our objects, plus hostile input. Same org and expectations as ./corpus-cases.ts.
 */
import type { CorpusCase } from './corpus-helpers.ts';
import type { SoqlFixture } from './soql-org.ts';

export function corpusCases2(f: SoqlFixture): [string, CorpusCase[]][] {
  const id15 = (k: string) => f.ids[k]!.slice(0, 15);
  const NO_COL = (field: string, entity: string) =>
    `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`;

  // jsforce 3.10.16 soql-builder output for find({...}).sort().skip().limit() (verbatim).
  const jsforce: CorpusCase[] = [
    // find({ $or: [{Status:'New'}, {$and: [{Priority:'High'}, {Origin: {$ne: null}}]}], 'Account.ShippingState': 'CA', IsClosed: false, ClosedDate: null }).sort('-CreatedDate Subject').skip(1).limit(10)
    ["SELECT Id FROM Case WHERE (Status = 'New' OR (Priority = 'High' AND Origin != null)) AND Account.ShippingState = 'CA' AND IsClosed = false AND ClosedDate = null ORDER BY CreatedDate DESC, Subject ASC LIMIT 10 OFFSET 1", { ids: [] }],
    ["SELECT Id FROM Case WHERE (Status = 'New' OR (Priority = 'High' AND Origin != null)) AND Account.ShippingState = 'CA' AND IsClosed = false AND ClosedDate = null ORDER BY CreatedDate DESC, Subject ASC LIMIT 10", { ids: ['C1'] }],
    // find({ Status: {$nin: ['New']}, Priority: {$exists: true} }, ['Id', 'Owner.Name'])
    ["SELECT Id, Owner.Name FROM Case WHERE Status NOT IN ('New') AND Priority != null", {
      rows: [
        { Id: f.ids.C2, Owner: { Name: 'Bob Lee' } },
        { Id: f.ids.C3, Owner: { Name: 'Ann Smith' } },
        { Id: f.ids.C4, Owner: { Name: 'Zoë Müller' } },
        { Id: f.ids.C5, Owner: { Name: 'Bob Lee' } },
      ],
    }],
    // SfDate.toDateTimeLiteral / toDateLiteral; ClosedDate is a dateTime, so a date value is refused.
    ['SELECT Id FROM Case WHERE CreatedDate >= 2024-01-01T00:00:00Z AND CreatedDate < 2024-06-01T00:00:00Z', { ids: ['C1', 'C2', 'C3'] }],
    ['SELECT Id FROM Case WHERE CreatedDate >= 2024-01-01T00:00:00Z AND ClosedDate < 2024-06-01', { err: ['INVALID_FIELD', "value of filter criterion for field 'ClosedDate' must be of type dateTime and should not be enclosed in quotes"] }],
    // find({ CreatedDate: SfDate.LAST_N_DAYS(30), Priority: {$exists: false} })
    ['SELECT Id FROM Case WHERE CreatedDate = LAST_N_DAYS:30 AND Priority = null', { ids: [] }],
    ['SELECT Id FROM Case WHERE CreatedDate = LAST_N_DAYS:30 AND Origin = null', { ids: ['C7'] }],
    // find({ Subject: "O'Neil", $not: { Status: 'New' } }): quotes escaped with a backslash.
    ["SELECT Id FROM Case WHERE Subject = 'O\\'Neil' AND (NOT Status = 'New')", { ids: [] }],
    ["SELECT Id FROM Contact WHERE LastName = 'O\\'Neil' AND (NOT FirstName = 'x')", { ids: ['K3'] }],
    // A JS Date passed straight through ends up as its toString(): Salesforce's parser stops at it.
    ["SELECT Id FROM Case WHERE CreatedDate >= Mon Jan 01 2024 00:00:00 GMT+0000 (Coordinated Universal Time)", { err: ['MALFORMED_QUERY', "unexpected token: 'Mon'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' AND Priority <= 'z' AND Origin > 'A'", { ids: ['C1', 'C8'] }],
    // conn.sobject('Case').count({ Status: 'New' })
    ["SELECT COUNT() FROM Case WHERE Status = 'New'", { count: 3 }],
  ];

  // What LLM agents write against CRMArena-shaped data.
  const agents: CorpusCase[] = [
    ["SELECT COUNT(Id) FROM Case WHERE Status = 'New'", { rows: [{ expr0: 3 }] }],
    ['SELECT OwnerId, COUNT(Id) c FROM Case GROUP BY OwnerId ORDER BY COUNT(Id) DESC, OwnerId LIMIT 1', { check: (r) => { if (r.records.length !== 1 || (r.records[0] as { c: number }).c !== 3) throw new Error(JSON.stringify(r.records)); } }],
    ['SELECT Owner.Name, IssueId__r.Name, Account.ShippingState FROM Case WHERE IssueId__c != null ORDER BY CreatedDate', {
      rows: [
        { Owner: { Name: 'Bob Lee' }, IssueId__r: { Name: 'Screen crack' }, Account: { ShippingState: null } },
        { Owner: { Name: 'Ann Smith' }, IssueId__r: { Name: 'Battery drain' }, Account: { ShippingState: 'NY' } },
        { Owner: { Name: 'Bob Lee' }, IssueId__r: { Name: 'Screen crack' }, Account: { ShippingState: 'CA' } },
        { Owner: { Name: 'Ann Smith' }, IssueId__r: { Name: 'Battery drain' }, Account: { ShippingState: 'CA' } },
      ],
    }],
    ['SELECT Id FROM Case WHERE OrderItemId__c IN (SELECT Id FROM OrderItem WHERE Product2Id = \'{P1}\')', { ids: ['C1', 'C3'] }],
    ["SELECT Id FROM Order WHERE Id IN (SELECT OrderId FROM OrderItem WHERE Product2.Name LIKE 'Phone%')", { ids: ['O1', 'O2'] }],
    ['SELECT Id FROM Product2 WHERE Id NOT IN (SELECT Product2Id FROM OrderItem)', { ids: ['P3'] }],
    ["SELECT Id, Subject FROM Case WHERE AccountId IN (SELECT Id FROM Account WHERE ShippingState = 'CA')", { rows: [{ Id: f.ids.C1, Subject: 'Battery dies fast' }, { Id: f.ids.C2, Subject: 'Screen cracked' }] }],
    ["SELECT Id FROM Case WHERE Id IN (SELECT CaseId__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment') AND Status != 'Closed'", { ids: ['C1', 'C3'] }],
    ["SELECT CaseId__c, COUNT(Id) FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' GROUP BY CaseId__c HAVING COUNT(Id) > 1", { rows: [{ CaseId__c: f.ids.C2, expr0: 2 }] }],
    ['SELECT OwnerId, AVG(ChatDuration) FROM LiveChatTranscript GROUP BY OwnerId', { rows: [{ OwnerId: f.ids.U1, expr0: 1200 }] }],
    ['SELECT IssueId__r.Name, COUNT(Id) cnt FROM Case WHERE IssueId__c != null GROUP BY IssueId__r.Name ORDER BY COUNT(Id) DESC, IssueId__r.Name LIMIT 1', { rows: [{ Name: 'Battery drain', cnt: 2 }] }],
    ['SELECT Product2.Name, SUM(Quantity) total FROM OrderItem GROUP BY Product2.Name ORDER BY SUM(Quantity) DESC', { rows: [{ Name: 'Phone X', total: 5 }, { Name: 'Laptop Y', total: 1 }] }],
    ['SELECT AVG(UnitPrice), SUM(Quantity), MIN(UnitPrice), MAX(UnitPrice) FROM OrderItem', { rows: [{ expr0: (100 + 950.5 + 90) / 3, expr1: 6, expr2: 90, expr3: 950.5 }] }],
    ['SELECT SUM(Quantity) FROM OrderItem WHERE Order.AccountId = \'{A1}\'', { rows: [{ expr0: 3 }] }],
    ['SELECT COUNT(Id) total, COUNT(ClosedDate) closed FROM Case', { rows: [{ total: 7, closed: 2 }] }],
    ['SELECT COUNT_DISTINCT(AccountId) FROM Case', { rows: [{ expr0: 3 }] }],
    ['SELECT MAX(CreatedDate) FROM Case', { rows: [{ expr0: '2024-06-05T10:00:00.000+0000' }] }],
    ['SELECT CALENDAR_MONTH(CreatedDate), COUNT(Id) FROM Case GROUP BY CALENDAR_MONTH(CreatedDate) ORDER BY CALENDAR_MONTH(CreatedDate)', { rows: [{ expr0: 3, expr1: 1 }, { expr0: 5, expr1: 2 }, { expr0: 6, expr1: 3 }, { expr0: 12, expr1: 1 }] }],
    ['SELECT DAY_ONLY(CreatedDate) d, COUNT(Id) n FROM Case WHERE CreatedDate = THIS_MONTH GROUP BY DAY_ONLY(CreatedDate) ORDER BY DAY_ONLY(CreatedDate)', { rows: [{ d: '2024-06-01', n: 1 }, { d: '2024-06-05', n: 1 }] }],
    ['SELECT WEEK_IN_YEAR(CreatedDate) wk, COUNT(Id) FROM Case WHERE CreatedDate = THIS_YEAR GROUP BY WEEK_IN_YEAR(CreatedDate) ORDER BY WEEK_IN_YEAR(CreatedDate)', { rows: [{ wk: 10, expr0: 1 }, { wk: 18, expr0: 1 }, { wk: 22, expr0: 2 }, { wk: 23, expr0: 1 }] }],
    ['SELECT Id FROM Case WHERE DAY_ONLY(CreatedDate) = 2024-05-31', { ids: ['C1'] }],
    ['SELECT Id FROM Case WHERE DAY_ONLY(CreatedDate) > 2024-05-01', { ids: ['C1', 'C7', 'C8'] }],
    ['SELECT Id FROM Case WHERE CALENDAR_YEAR(CreatedDate) = 2024 AND CALENDAR_QUARTER(CreatedDate) = 2', { ids: ['C1', 'C2', 'C7', 'C8'] }],
    ['SELECT Id FROM Case WHERE CreatedDate >= 2023-01-01T00:00:00Z', { ids: ['C1', 'C2', 'C3', 'C4', 'C5', 'C7', 'C8'] }],
    ['SELECT Id FROM Case WHERE CreatedDate >= 2024-01-01T00:00:00.000+0000', { ids: ['C1', 'C2', 'C3', 'C7', 'C8'] }],
    ['SELECT Id FROM Case WHERE CreatedDate >= 2024-01-01T00:00:00-08:00', { ids: ['C1', 'C2', 'C3', 'C7', 'C8'] }],
    ['SELECT Id FROM Case WHERE CreatedDate > 2024-01-01', { err: ['INVALID_FIELD', "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes"] }],
    ['SELECT Id FROM Case WHERE CreatedDate > 2024-01-01T00:00:00', { err: ['MALFORMED_QUERY', "unexpected token: ':'"] }],
    ['SELECT Id FROM Case WHERE CreatedDate = 2024-13-01T00:00:00Z', { err: ['MALFORMED_QUERY', 'Invalid datetime: 2024-13-01T00:00:00Z'] }],
    ['SELECT Id FROM Case WHERE CreatedDate > LAST_MONTH', { ids: ['C7', 'C8'] }],
    ['SELECT Id FROM Case WHERE CreatedDate < N_DAYS_AGO:30', { ids: ['C2', 'C3', 'C4', 'C5'] }],
    ['SELECT Id FROM Case WHERE CreatedDate = LAST_N_MONTHS:2', { ids: ['C1', 'C2'] }],
    ['SELECT Id FROM Case WHERE ClosedDate = LAST_N_DAYS:30', { ids: ['C2'] }],
    ["SELECT Id FROM Case WHERE Subject LIKE '%battery%'", { ids: ['C1', 'C3'] }],
    ["SELECT Id FROM Contact WHERE Name LIKE '%cole%'", { ids: ['K1'] }],
    ["SELECT Id FROM Case WHERE Contact.Email LIKE '%@example.com'", { ids: ['C1', 'C3', 'C7'] }],
    [`SELECT Id FROM Case WHERE Id IN ('${id15('C1')}', '${id15('C2')}')`, { ids: ['C1', 'C2'] }],
    [`SELECT Id FROM Case WHERE Id = '${id15('C1')}'`, { ids: ['C1'] }],
    ["SELECT Id FROM Case WHERE Id = 'bogus'", { err: ['INVALID_QUERY_FILTER_OPERATOR', 'invalid ID field: bogus'] }],
    ['SELECT Id FROM Case WHERE ClosedDate != null', { ids: ['C2', 'C5'] }],
    ['SELECT Id FROM Case WHERE ClosedDate = null ORDER BY CreatedDate DESC LIMIT 3', { ids: ['C8', 'C7', 'C1'], ordered: true }],
    ["SELECT Id FROM Case WHERE Status IN ('new','CLOSED')", { ids: ['C1', 'C2', 'C5', 'C7', 'C8'] }],
    ["SELECT Id FROM Case WHERE Status <> 'New'", { ids: ['C2', 'C3', 'C4', 'C5'] }],
    ["SELECT Id FROM Case WHERE Status != null AND Priority = 'High' AND (Origin = 'Phone' OR Origin = 'Chat')", { ids: ['C1', 'C4'] }],
    // NOT mixed with AND/OR needs its own parentheses, as jsforce writes it (Salesforce's grammar, soql.md §2.3).
    ["SELECT Id FROM Case WHERE Status = 'New' AND (Priority = 'High' OR Priority = 'Low') AND (NOT Origin = 'Web')", { ids: ['C1'] }],
    ["SELECT Id FROM Case WHERE Status = 'New' AND (Priority = 'High' OR Priority = 'Low') AND NOT Origin = 'Web'", { err: ['MALFORMED_QUERY', "unexpected token: 'NOT'"] }],
    ["SELECT Id FROM Case WHERE NOT Origin = 'Web' AND Status = 'New'", { err: ['MALFORMED_QUERY', "unexpected token: 'AND'"] }],
    ["SELECT Id FROM Case WHERE NOT (Status = 'New' OR Status = 'Closed') AND Priority = 'High'", { err: ['MALFORMED_QUERY', "unexpected token: 'AND'"] }],
    ["SELECT Id FROM Case WHERE NOT NOT Status = 'New'", { err: ['MALFORMED_QUERY', "unexpected token: 'NOT'"] }],
    ["SELECT Id FROM Case WHERE AND Status = 'New'", { err: ['MALFORMED_QUERY', "unexpected token: 'AND'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' AND OR Priority = 'High'", { err: ['MALFORMED_QUERY', "unexpected token: 'OR'"] }],
    ['SELECT Status FROM Case GROUP BY Status HAVING OR COUNT(Id) = 1', { err: ['MALFORMED_QUERY', "unexpected token: 'OR'"] }],
    ["SELECT Id FROM Case WHERE Subject = 'and' AND Status = 'or'", { ids: [] }],
    ["SELECT Id FROM Case WHERE (NOT Origin = 'Web') OR Status = 'New'", { ids: ['C1', 'C3', 'C4', 'C5', 'C7', 'C8'] }],
    ["SELECT Id FROM Case WHERE Status = 'New' AND Id NOT IN (SELECT CaseId__c FROM CaseHistory__c)", { ids: ['C7', 'C8'] }],
    ['SELECT Status FROM Case GROUP BY Status HAVING NOT COUNT(Id) > 1 ORDER BY Status', { rows: [{ Status: 'Working' }, { Status: 'Escalated' }] }],
    ["SELECT Id FROM Case WHERE NOT (Status = 'New' OR Status = 'Closed')", { ids: ['C3', 'C4'] }],
    ["select id, subject from case where status = 'new' order by createddate desc limit 2", { rows: [{ Id: f.ids.C8, Subject: 'Future case' }, { Id: f.ids.C7, Subject: 'billing question' }] }],
    // toLabel() in WHERE compares labels (Ref toLabel(): `WHERE toLabel(Status) = 'le Draft'`); EmailMessage.Status
    // stores '0'..'5' under the labels New..Draft.
    ["SELECT Id FROM EmailMessage WHERE toLabel(Status) = 'Sent'", { ids: ['E1'] }],
    ["SELECT Id, toLabel(Status) FROM EmailMessage WHERE toLabel(Status) IN ('new', 'Draft')", { rows: [{ Id: f.ids.E2, Status: 'New' }] }],
    ["SELECT Id FROM EmailMessage WHERE toLabel(Status) LIKE 'S%'", { ids: ['E1'] }],
    ["SELECT Id FROM EmailMessage WHERE Status = 'Sent'", { ids: [] }],
    ["SELECT Id FROM Case WHERE toLabel(Status) = 'New'", { ids: ['C1', 'C7', 'C8'] }],
    ["SELECT Id FROM Case WHERE toLabel(Subject) = 'x'", { err: ['MALFORMED_QUERY', 'Invalid function in this context: toLabel'] }],
    ["SELECT Id, Title FROM Knowledge__kav WHERE PublishStatus = 'Online' AND Title LIKE '%battery%'", { rows: [{ Id: f.ids.KA1, Title: 'Battery care' }] }],
    // Case.Owner is polymorphic: only the Name object's fields (no Department) without TYPEOF.
    ["SELECT Id FROM Case WHERE Owner.Department = 'Support'", { err: ['INVALID_FIELD', "No such column 'Department' on entity 'Name'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."] }],
    ['SELECT Id FROM Case WHERE Contact.LastName = null', { ids: ['C4', 'C5', 'C8'] }],
    ["SELECT Id, Account.Name FROM Case WHERE Account.Name = null OR Status = 'Working'", { rows: [{ Id: f.ids.C3, Account: { Name: 'Bruno Brown' } }, { Id: f.ids.C4, Account: null }] }],
    ['SELECT Id FROM OrderItem WHERE UnitPrice > 99.5 AND Quantity >= 2', { ids: ['OI1'] }],
    ['SELECT Id FROM OrderItem WHERE UnitPrice IN (100, 90)', { ids: ['OI1', 'OI3'] }],
    ['SELECT Id, UnitPrice, Product2.Name FROM PricebookEntry WHERE Pricebook2.IsStandard = true ORDER BY UnitPrice', {
      rows: [{ Id: f.ids.PBE1, UnitPrice: 100, Product2: { Name: 'Phone X' } }, { Id: f.ids.PBE2, UnitPrice: 950.5, Product2: { Name: 'Laptop Y' } }],
    }],
  ];

  // Relationship queries in the reference's shapes (Ref p.64-80), adapted.
  const relationships: CorpusCase[] = [
    ["SELECT Id, Subject, (SELECT Id, Subject FROM EmailMessages), (SELECT Field__c FROM CaseHistories__r ORDER BY CreatedDate) FROM Case WHERE Id = '{C1}'", {
      rows: [{
        Id: f.ids.C1, Subject: 'Battery dies fast',
        EmailMessages: { totalSize: 1, done: true, records: [{ Id: f.ids.E1, Subject: 'Re: Battery' }] },
        CaseHistories__r: { totalSize: 2, done: true, records: [{ Field__c: 'Case Creation' }, { Field__c: 'Owner Assignment' }] },
      }],
    }],
    ['SELECT Name, (SELECT LastName FROM Contacts WHERE Email != null) FROM Account ORDER BY Name', {
      rows: [
        { Name: 'Alice Adams', Contacts: { totalSize: 1, done: true, records: [{ LastName: 'Cole' }] } },
        { Name: 'Bruno Brown', Contacts: { totalSize: 1, done: true, records: [{ LastName: "O'Neil" }] } },
        { Name: 'Chloé Clark', Contacts: null },
      ],
    }],
    ['SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account WHERE Id IN (SELECT AccountId FROM Contact) ORDER BY Name', {
      rows: [
        { Name: 'Alice Adams', Contacts: { totalSize: 2, done: true, records: [{ LastName: 'Cole' }, { LastName: 'Dale' }] } },
        { Name: 'Bruno Brown', Contacts: { totalSize: 1, done: true, records: [{ LastName: "O'Neil" }] } },
      ],
    }],
    ['SELECT Id, Contact.Account.Owner.Name FROM Case WHERE Contact.Account.Name != null AND Status = \'Working\'', { rows: [{ Id: f.ids.C3, Contact: { Account: { Owner: { Name: 'Ann Smith' } } } }] }],
    // The same child relationship twice would collide under one JSON key.
    // Object-qualified child relationship and fields (Ref "Using Relationship Queries").
    ["SELECT Account.Name, (SELECT Contact.LastName FROM Account.Contacts ORDER BY LastName) FROM Account WHERE Id = '{A1}'", { rows: [{ Name: 'Alice Adams', Contacts: { totalSize: 2, done: true, records: [{ LastName: 'Cole' }, { LastName: 'Dale' }] } }] }],
    ["SELECT Name, (SELECT LastName FROM Contacts WHERE CreatedBy.Alias = 'asmith') FROM Account WHERE Id = '{A2}'", { rows: [{ Name: 'Bruno Brown', Contacts: { totalSize: 1, done: true, records: [{ LastName: "O'Neil" }] } }] }],
    ["SELECT Name, (SELECT c.LastName FROM Contacts c) FROM Account WHERE Id = '{A2}'", { rows: [{ Name: 'Bruno Brown', Contacts: { totalSize: 1, done: true, records: [{ LastName: "O'Neil" }] } }] }],
    // Alias notation for parent relationships in FROM (`FROM Contact c, c.Account a`, Ref relationship queries).
    ["SELECT count() FROM Contact c, c.Account a WHERE a.LastName = 'Adams'", { count: 2 }],
    ["SELECT c.LastName, a.Name FROM Contact c, c.Account a WHERE a.ShippingState = 'CA' ORDER BY c.LastName", { rows: [{ LastName: 'Cole', Account: { Name: 'Alice Adams' } }, { LastName: 'Dale', Account: { Name: 'Alice Adams' } }] }],
    ["SELECT Id FROM Case k, k.Account a, a.Owner o WHERE o.Alias = 'asmith' AND k.Status = 'New'", { ids: ['C1', 'C7', 'C8'] }],
    ['SELECT count() FROM Contact c, x.Account a', { err: ['MALFORMED_QUERY', "unexpected token: ','"] }],
    // Two semi-joins (Ref comparison operators example), a reference-field anti-join, a child OFFSET under LIMIT 1.
    ["SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE LastName LIKE 'c%') AND Id IN (SELECT AccountId FROM Case WHERE IsClosed = false)", { rows: [{ Name: 'Alice Adams' }] }],
    ["SELECT Id FROM Case WHERE ContactId NOT IN (SELECT Id FROM Contact WHERE LastName = 'Cole')", { ids: ['C2', 'C3', 'C4', 'C5', 'C7', 'C8'] }],
    ['SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName LIMIT 10 OFFSET 1) FROM Account ORDER BY Name LIMIT 1', { rows: [{ Name: 'Alice Adams', Contacts: { totalSize: 1, done: true, records: [{ LastName: 'Dale' }] } }] }],
    ['SELECT Id, CaseNumber, Account.Name FROM Case WHERE AccountId != null ORDER BY Account.Name DESC, CaseNumber LIMIT 2', {
      rows: [{ Id: f.ids.C5, CaseNumber: '00000005', Account: { Name: 'Chloé Clark' } }, { Id: f.ids.C8, CaseNumber: '00000007', Account: { Name: 'Chloé Clark' } }],
    }],
    // COUNT() with GROUP BY counts the groups.
    ['SELECT COUNT() FROM Case GROUP BY Status', { count: 4 }],
    ['SELECT Id FROM Case WHERE CreatedDate IN (THIS_YEAR, LAST_YEAR)', { ids: ['C1', 'C2', 'C3', 'C4', 'C5', 'C7', 'C8'] }],
    ["SELECT Subject FROM Case WHERE CreatedDate > 2024-05-31T10:00:00-08:00", { rows: [{ Subject: 'billing question' }, { Subject: 'Future case' }] }],
    ['SELECT Id, (SELECT Id FROM Cases), (SELECT Subject FROM Cases) FROM Account', { err: ['MALFORMED_QUERY', 'Cannot follow the same aggregate relationship twice: Cases'] }],
    ['SELECT Id, (SELECT Id FROM Cases), (SELECT Id FROM cases) FROM Account', { err: ['MALFORMED_QUERY', 'Cannot follow the same aggregate relationship twice: Cases'] }],
    ['SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Order WHERE Id IN (SELECT OrderId FROM OrderItem))', { err: ['MALFORMED_QUERY', 'Nesting of semi join sub-selects is not supported'] }],
    // Semi-join subqueries take no ORDER BY / LIMIT / GROUP BY (Ref p.23).
    ['SELECT Id FROM Case WHERE OrderItemId__c IN (SELECT Id FROM OrderItem ORDER BY Id LIMIT 1)', { err: ['MALFORMED_QUERY', "unexpected token: 'ORDER'"] }],
    ['SELECT Id FROM Case WHERE OrderItemId__c IN (SELECT Id FROM OrderItem LIMIT 1)', { err: ['MALFORMED_QUERY', "unexpected token: 'LIMIT'"] }],
    ["SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Case WHERE Status = 'New' limit 5)", { err: ['MALFORMED_QUERY', "unexpected token: 'limit'"] }],
    ['SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Case) AND Id NOT IN (SELECT AccountId FROM Contact GROUP BY AccountId)', { err: ['MALFORMED_QUERY', "unexpected token: 'GROUP'"] }],
    ['SELECT Id, (SELECT Id FROM Cases ORDER BY CreatedDate LIMIT 1) FROM Account WHERE Id IN (SELECT AccountId FROM Case) ORDER BY Name', {
      rows: [
        { Id: f.ids.A1, Cases: { totalSize: 1, done: true, records: [{ Id: f.ids.C2 }] } },
        { Id: f.ids.A2, Cases: { totalSize: 1, done: true, records: [{ Id: f.ids.C3 }] } },
        { Id: f.ids.A3, Cases: { totalSize: 1, done: true, records: [{ Id: f.ids.C5 }] } },
      ],
    }],
  ];

  // GROUP BY ROLLUP/CUBE over date functions (Ref p.39-44): the parser needs a pre-pass for these.
  const grouping: CorpusCase[] = [
    ['SELECT CALENDAR_YEAR(CreatedDate), COUNT(Id) FROM Case GROUP BY ROLLUP(CALENDAR_YEAR(CreatedDate)) ORDER BY CALENDAR_YEAR(CreatedDate)', { rows: [{ expr0: null, expr1: 7 }, { expr0: 2023, expr1: 2 }, { expr0: 2024, expr1: 5 }] }],
    ['SELECT CALENDAR_YEAR(CreatedDate) y, CALENDAR_MONTH(CreatedDate) m, COUNT(Id) n FROM Case GROUP BY ROLLUP(CALENDAR_YEAR(CreatedDate), CALENDAR_MONTH(CreatedDate)) ORDER BY CALENDAR_YEAR(CreatedDate), CALENDAR_MONTH(CreatedDate)', {
      rows: [
        { y: null, m: null, n: 7 }, { y: 2023, m: null, n: 2 }, { y: 2023, m: 6, n: 1 }, { y: 2023, m: 12, n: 1 },
        { y: 2024, m: null, n: 5 }, { y: 2024, m: 3, n: 1 }, { y: 2024, m: 5, n: 2 }, { y: 2024, m: 6, n: 2 },
      ],
    }],
    ["SELECT Status, CALENDAR_YEAR(CreatedDate) y, COUNT(Id) n, GROUPING(Status) gs FROM Case WHERE Status = 'Closed' GROUP BY CUBE(Status, CALENDAR_YEAR(CreatedDate)) ORDER BY Status, CALENDAR_YEAR(CreatedDate)", {
      rows: [
        { Status: null, y: null, n: 2, gs: 1 }, { Status: null, y: 2023, n: 1, gs: 1 }, { Status: null, y: 2024, n: 1, gs: 1 },
        { Status: 'Closed', y: null, n: 2, gs: 0 }, { Status: 'Closed', y: 2023, n: 1, gs: 0 }, { Status: 'Closed', y: 2024, n: 1, gs: 0 },
      ],
    }],
    // ORDER BY GROUPING(...) as in the reference's CUBE example (Ref p.42), with and without a direction.
    ["SELECT Status, Priority, GROUPING(Status) grpS, GROUPING(Priority) grpP, COUNT(Id) n FROM Case WHERE Status IN ('Closed','Working') GROUP BY CUBE(Status, Priority) ORDER BY GROUPING(Status), GROUPING(Priority) ASC, Status", {
      rows: [
        { Status: 'Working', Priority: 'Medium', grpS: 0, grpP: 0, n: 1 }, { Status: 'Closed', Priority: 'Low', grpS: 0, grpP: 0, n: 2 },
        { Status: 'Working', Priority: null, grpS: 0, grpP: 1, n: 1 }, { Status: 'Closed', Priority: null, grpS: 0, grpP: 1, n: 2 },
        { Status: null, Priority: 'Medium', grpS: 1, grpP: 0, n: 1 }, { Status: null, Priority: 'Low', grpS: 1, grpP: 0, n: 2 },
        { Status: null, Priority: null, grpS: 1, grpP: 1, n: 3 },
      ],
    }],
    ['SELECT Status, GROUPING(Status) g, COUNT(Id) FROM Case GROUP BY ROLLUP(Status) ORDER BY GROUPING(Status) DESC, Status', {
      rows: [{ Status: null, g: 1, expr0: 7 }, { Status: 'New', g: 0, expr0: 3 }, { Status: 'Working', g: 0, expr0: 1 }, { Status: 'Escalated', g: 0, expr0: 1 }, { Status: 'Closed', g: 0, expr0: 2 }],
    }],
    ['SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) FROM Case GROUP BY ROLLUP(CALENDAR_YEAR(CreatedDate)) ORDER BY CALENDAR_YEAR(CreatedDate) DESC NULLS LAST', { rows: [{ y: 2024, expr0: 5 }, { y: 2023, expr0: 2 }, { y: null, expr0: 7 }] }],
    // FORMAT() around an aggregate or convertCurrency() (Ref p.59 examples); values are not localized here.
    ['SELECT FORMAT(MIN(CreatedDate)) m FROM Case', { rows: [{ m: '2023-06-15T00:00:00.000+0000' }] }],
    ['SELECT FORMAT(MAX(UnitPrice)), FORMAT(SUM(Quantity)) q FROM OrderItem', { rows: [{ expr0: 950.5, q: 6 }] }],
    ['SELECT Status, FORMAT(MAX(CreatedDate)) FROM Case GROUP BY Status ORDER BY Status LIMIT 1', { rows: [{ Status: 'New', expr0: '2024-06-05T10:00:00.000+0000' }] }],
    ["SELECT FORMAT(convertCurrency(UnitPrice)) fc FROM OrderItem WHERE Id = '{OI1}'", { rows: [{ fc: 100 }] }],
    ['SELECT Name, Count(Id) FROM Issue__c GROUP BY Name HAVING Count(Id) >= 1 ORDER BY Name', { rows: [{ Name: 'Battery drain', expr0: 1 }, { Name: 'Screen crack', expr0: 1 }, { Name: 'Unused issue', expr0: 1 }] }],
    ['SELECT DAY_ONLY(CreatedDate) days, COUNT(CreatedDate) FROM Case GROUP BY DAY_ONLY(CreatedDate) ORDER BY DAY_ONLY(CreatedDate) DESC LIMIT 2', { rows: [{ days: '2024-06-05', expr0: 1 }, { days: '2024-06-01', expr0: 1 }] }],
    ['SELECT Status FROM Case GROUP BY ROLLUP(Status) ORDER BY GROUPING(Subject) DESC', { err: ['MALFORMED_QUERY', 'Ordered field must be grouped or aggregated: GROUPING(Subject)'] }],
    ['SELECT Status FROM Case GROUP BY Status ORDER BY GROUPING(Status)', { err: ['MALFORMED_QUERY', 'Ordered field must be grouped or aggregated: GROUPING(Status)'] }],
    ['SELECT CALENDAR_YEAR(CreatedDate), COUNT(Id) FROM Case GROUP BY ROLLUP(CALENDAR_YEAR(Subject))', { err: ['MALFORMED_QUERY', 'Invalid field Subject for date function CALENDAR_YEAR'] }],
    ['SELECT CALENDAR_YEAR(CreatedDate), COUNT(Id) FROM Case GROUP BY ROLLUP(CALENDAR_YEAR(CreatedDate)', { err: ['MALFORMED_QUERY', "unexpected token: '('"] }],
    // Aliases name output columns only; ORDER BY and HAVING must repeat the expression.
    // COUNT() only as the whole SELECT list; no alias on a semi-join's field (Salesforce's grammar).
    ['SELECT Status, COUNT(Id) n FROM Case GROUP BY Status HAVING COUNT(Id) > 1 ORDER BY COUNT() DESC', { err: ['MALFORMED_QUERY', "unexpected token: 'COUNT()'"] }],
    ['SELECT CaseId__c FROM CaseHistory__c GROUP BY CaseId__c HAVING COUNT() = 1', { err: ['MALFORMED_QUERY', "unexpected token: 'COUNT()'"] }],
    ['SELECT Id FROM Account WHERE Id IN (SELECT AccountId a FROM Case)', { err: ['MALFORMED_QUERY', "unexpected token: 'a'"] }],
    ['SELECT Status, COUNT(Id) n FROM Case GROUP BY Status ORDER BY n DESC', { err: ['INVALID_FIELD', NO_COL('n', 'Case')] }],
    ['SELECT COUNT(Id) c FROM Case GROUP BY Status HAVING c > 1', { err: ['INVALID_FIELD', NO_COL('c', 'Case')] }],
    ['SELECT Status, COUNT(Id) n FROM Case GROUP BY Status HAVING COUNT(Id) > 1 ORDER BY COUNT(Id) DESC', { rows: [{ Status: 'New', n: 3 }, { Status: 'Closed', n: 2 }] }],
    ['SELECT Status, Priority FROM Case GROUP BY Status', { err: ['MALFORMED_QUERY', 'Field must be grouped or aggregated: Priority'] }],
    ['SELECT COUNT(Id) FROM Case GROUP BY Status ORDER BY Priority', { err: ['MALFORMED_QUERY', 'Ordered field must be grouped or aggregated: Priority'] }],
    ['SELECT Description FROM Case GROUP BY Description', { err: ['INVALID_FIELD', "field 'Description' can not be grouped in a query call"] }],
  ];

  // Lexical odds and ends: SOQL has no statement terminator and no comments (soql.md §2.1).
  const lexical: CorpusCase[] = [
    // `;` and other characters without a token in Salesforce's lexer (@salesforce/soql-common grammar)
    // are lexer errors; API 61.0+ words them `line 1:19 unexpected token: ';'` (soql-versions.test.ts).
    ['SELECT Id FROM Case;', { err: ['MALFORMED_QUERY', "line 1:19 no viable alternative at character ';'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' ;", { err: ['MALFORMED_QUERY', "line 1:41 no viable alternative at character ';'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' LIMIT 5;", { err: ['MALFORMED_QUERY', "line 1:48 no viable alternative at character ';'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New'\u00a0LIMIT 5", { err: ['MALFORMED_QUERY', "line 1:40 no viable alternative at character '\u00a0'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' # x", { err: ['MALFORMED_QUERY', "line 1:41 no viable alternative at character '#'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' AND Subject = 'a;b#c'", { ids: [] }],
    ['SELECT Id FROM Case LIMIT 1 FOR UPDATE', { err: ['MALFORMED_QUERY', "unexpected token: 'FOR UPDATE'"] }],
    ['SELECT Id FROM Case WHERE Status = \'Working\' FOR VIEW', { ids: ['C3'] }],
    ['SELECT Id FROM Case /* c */', { err: ['MALFORMED_QUERY', "line 1:20 no viable alternative at character '/'"] }],
    ['SELECT\tId\tFROM\tCase\tWHERE\tStatus\t=\t\'Working\'', { ids: ['C3'] }],
    ["SELECT Id\r\nFROM Case\r\nWHERE Status = 'Working'\r\n", { ids: ['C3'] }],
    ["\n  SELECT Id\n  FROM Case\n  WHERE Status = 'Working'\n  ", { ids: ['C3'] }],
    ["SELECT Id FROM Case WHERE Subject = 'x' AND", { err: ['MALFORMED_QUERY', "unexpected token: '<EOF>'"] }],
    ['SELECT Id, FROM Case', { err: ['MALFORMED_QUERY', "unexpected token: 'FROM'"] }],
    ['SELECT Id FROM Case WHERE Status = "New"', { err: ['MALFORMED_QUERY', "line 1:35 no viable alternative at character '\"'"] }],
    ["SELECT Id FROM Case WHERE Status == 'New'", { err: ['MALFORMED_QUERY', "unexpected token: '='"] }],
    ['SELECT Id FROM Case WHERE Subject IS NULL', { err: ['MALFORMED_QUERY', "unexpected token: 'IS'"] }],
    ["SELECT Id FROM Case WHERE Subject NOT LIKE 'B%'", { err: ['MALFORMED_QUERY', "unexpected token: 'LIKE'"] }],
    ["SELECT Id FROM Case WHERE NOT Subject LIKE 'B%'", { ids: ['C2', 'C4', 'C5', 'C8'] }],
    ["SELECT Id FROM Case WHERE Subject = 'O\\'Neil\\x'", { err: ['MALFORMED_QUERY', "Invalid string literal 'O\\'Neil\\x'. Illegal character sequence '\\x' in string literal."] }],
    ["SELECT Id FROM Case WHERE Subject LIKE 'R\\u00c9CLAMATION'", { ids: ['C4'] }],
    ["SELECT Id FROM Case WHERE Subject = 'RÉCLAMATION'", { ids: ['C4'] }],
    ['SELECT Id FROM Case LIMIT -1', { err: ['MALFORMED_QUERY', "unexpected token: '-1'"] }],
    ['SELECT Id FROM Case LIMIT 1.5', { err: ['MALFORMED_QUERY', "unexpected token: '1.5'"] }],
    // Summer '24 wordings (soql.md §2.15).
    ['SELECT Id FROM Case WHERE AccountId IN ()', { err: ['MALFORMED_QUERY', "unexpected token: 'AccountId IN ()'"] }],
    ["SELECT Id FROM Case WHERE Status = 'New' AND AccountId NOT IN ( )", { err: ['MALFORMED_QUERY', "unexpected token: 'AccountId NOT IN ( )'"] }],
    ['select from Case', { err: ['MALFORMED_QUERY', "unexpected token: 'select from'"] }],
    ['SELECT Id FROM Account USING everything', { err: ['MALFORMED_QUERY', "unexpected token: 'everything'"] }],
    ['SELECT Id FROM Case WHERE SystemModstamp > 2020-12-12t12:12:00-25:00', { err: ['MALFORMED_QUERY', 'Invalid datetime: 2020-12-12t12:12:00-25:00'] }],
    ['SELECT Id FROM Case WHERE SystemModstamp > 2020-52-12t12:12:00-05:00', { err: ['MALFORMED_QUERY', 'Invalid datetime: 2020-52-12t12:12:00-05:00'] }],
    ['SELECT Id FROM Case WHERE CreatedDate = TODAY()', { err: ['MALFORMED_QUERY', "unexpected token: ')'"] }],
    ['SELECT Id FROM Case ORDER BY', { err: ['MALFORMED_QUERY', "unexpected token: '<EOF>'"] }],
    ['SELECT Id FROM Case WHERE Description = \'x\'', { err: ['INVALID_FIELD', "field 'Description' can not be filtered in a query call"] }],
    ['SELECT Id FROM Case ORDER BY Description', { err: ['INVALID_FIELD', "field 'Description' can not be sorted in a query call"] }],
    ['SELECT Id, Subject FROM Case ORDER BY Subjectx', { err: ['INVALID_FIELD', NO_COL('Subjectx', 'Case')] }],
  ];

  return [
    ['jsforce query builder', jsforce],
    ['agent queries', agents],
    ['reference relationship shapes', relationships],
    ['ROLLUP/CUBE and aliases', grouping],
    ['lexical', lexical],
  ];
}
