ALTER TABLE fact_person_role ADD COLUMN IF NOT EXISTS role_normalised VARCHAR;
ALTER TABLE fact_person_role ADD COLUMN IF NOT EXISTS region_key BIGINT;
COMMENT ON COLUMN fact_person_role.role_normalised IS 'The role as stated, normalised: lower case, spaces and dashes folded, the organisation and region left out (e.g. "director", "deputy governor", "губернатор"), so one title written two ways is one role.';
COMMENT ON COLUMN fact_person_role.region_key IS 'The region of the role (dim_region) when the title names one ("губернатор Калужской области") or, for a regional title naming none, the region the article is about; NULL otherwise.';
