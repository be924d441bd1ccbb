import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

/** A tiny Salesforce export: one CSV per object, every field quoted, as the data export writes them. */
export type ExportRows = Record<string, Record<string, string>[]>;

const HEADERS: Record<string, string[]> = {
  Account: [
    'Id',
    'Name',
    'Type',
    'ParentId',
    'Description',
    'BillingPostalCode',
    'School_Code_External_ID__c',
    'LastActivityDate',
  ],
  Class__c: ['Id', 'Name', 'School__c', 'Class_Year_Number__c'],
  Contact: [
    'Id',
    'AccountId',
    'FirstName',
    'LastName',
    'Email',
    'npe01__WorkEmail__c',
    'npsp__Primary_Affiliation__c',
    'Title',
    'Birthdate',
    'Local_Student_ID__c',
    'Class__c',
    'Current_Grade__c',
    'DoNotCall',
    'MailingPostalCode',
    'Contact_Type__c',
  ],
  npe5__Affiliation__c: [
    'Id',
    'npe5__Organization__c',
    'npe5__Contact__c',
    'npe5__Role__c',
    'npe5__Primary__c',
    'npe5__Status__c',
    'npe5__StartDate__c',
    'npe5__EndDate__c',
  ],
  Session__c: [
    'Id',
    'Name',
    'Session_Type__c',
    'Format__c',
    'Start_Date_and_Time__c',
    'End_Date_and_Time__c',
    'Duration__c',
    'Session_Status__c',
    'School__c',
    'District__c',
  ],
  Session_Participant__c: [
    'Id',
    'Contact__c',
    'Session__c',
    'Participant_Type__c',
    'Status__c',
    'Delivery_Hours__c',
  ],
  Task: ['Id', 'WhoId', 'WhatId', 'Subject', 'Type', 'Status', 'ActivityDate'],
};

/** The base export: a district with one school and class, an organization, one person of each kind. */
export const baseExport = (): ExportRows => ({
  Account: [
    { Id: 'D1', Name: 'Meadowbrook School District', Type: 'School District' },
    { Id: 'S1', Name: 'Holmes High School', Type: 'School', ParentId: 'D1' },
    { Id: 'O1', Name: 'Acme Corp', Type: 'Business' },
    { Id: 'H1', Name: 'Smith Household', Type: 'Household' },
  ],
  Class__c: [{ Id: 'K1', Name: 'Class of 2027', School__c: 'S1', Class_Year_Number__c: '2027' }],
  Contact: [
    { Id: 'T1', AccountId: 'S1', FirstName: 'Tina', LastName: 'Teach', Contact_Type__c: 'Teacher' },
    {
      Id: 'P1',
      AccountId: 'S1',
      FirstName: 'Sam',
      LastName: 'Pupil',
      Contact_Type__c: 'Student',
      Local_Student_ID__c: '1001',
      Class__c: 'K1',
      Current_Grade__c: '10',
    },
    {
      Id: 'V1',
      FirstName: 'VERA',
      LastName: 'VOLUNTEER',
      Email: ' Vera@Example.COM ',
      npe01__WorkEmail__c: 'vera@work.example.com',
      npsp__Primary_Affiliation__c: 'O1',
      Contact_Type__c: 'Volunteer',
      MailingPostalCode: '64111',
    },
  ],
  npe5__Affiliation__c: [
    {
      Id: 'A1',
      npe5__Organization__c: 'O1',
      npe5__Contact__c: 'V1',
      npe5__Primary__c: 'true',
      npe5__Status__c: 'Former',
      npe5__StartDate__c: '2020-01-01',
    },
  ],
  Session__c: [
    {
      Id: 'E1',
      Name: 'Career Day',
      Session_Type__c: 'Career Fair',
      Format__c: 'In-Person',
      Start_Date_and_Time__c: '2024-10-01T15:00:00.000+0000',
      Duration__c: '60',
      Session_Status__c: 'Completed',
      School__c: 'S1',
    },
  ],
  Session_Participant__c: [
    {
      Id: 'SP1',
      Contact__c: 'V1',
      Session__c: 'E1',
      Participant_Type__c: 'Volunteer',
      Status__c: 'Attended',
      Delivery_Hours__c: '1.5',
    },
    {
      Id: 'SP2',
      Contact__c: 'P1',
      Session__c: 'E1',
      Participant_Type__c: 'Student',
      Status__c: 'attended',
    },
  ],
  Task: [
    {
      Id: 'TK1',
      WhoId: 'V1',
      WhatId: 'E1',
      Subject: 'Thanks',
      Type: 'Email',
      Status: 'Completed',
      ActivityDate: '2024-10-02',
    },
  ],
});

/** Writes an export to a new temporary folder (objects set to `null` are left out). */
export function writeExport(
  rows: Partial<Record<string, Record<string, string>[] | null>>,
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-export-'));
  for (const [object, records] of Object.entries(rows)) {
    if (!records) continue;
    const header = HEADERS[object] ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
    const body = stringify([header, ...records.map((r) => header.map((h) => r[h] ?? ''))], {
      quoted: true,
      record_delimiter: 'windows',
    });
    writeFileSync(path.join(dir, `${object}.csv`), body);
  }
  return dir;
}

/** Writes raw file contents to a new folder (for malformed files). */
export function writeFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'edl-export-'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
