-- 领导点评: who reported a rectification and who verified it, and when.
alter table rev_review add column rectification_reported_by varchar(64);
alter table rev_review add column rectification_reported_at timestamp;
alter table rev_review add column rectification_verified_by varchar(64);
alter table rev_review add column rectification_verified_at timestamp;
