-- A round's candidates of one organization: its members, read when the organization is asked to nominate
-- and when its nominations are checked.
create index ix_cmd_candidate_org on cmd_candidate (round_id, org_code);
