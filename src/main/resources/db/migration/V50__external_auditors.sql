-- Least-privilege staff access: external auditors sign in only within an access window, and any account
-- can be revoked at once. The engagement an external auditor works on is their engagement_member row.
alter table app_user add column external boolean default false not null;
alter table app_user add column access_from date;
alter table app_user add column access_until date;
alter table app_user add column revoked_at timestamp;
alter table app_user add column revoked_by varchar(64);
