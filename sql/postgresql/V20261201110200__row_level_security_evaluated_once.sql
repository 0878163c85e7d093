-- The policies of V20261127040000, rewritten so that they cost little (docs/paging-and-search.md, "Row level
-- security"): the same rules, but nothing is called per row. (SELECT public.kontak_current_user()) is an InitPlan,
-- evaluated once per statement, and the caller's teams are read once into an array (team_members_by_user), so a
-- contact row is tested with two comparisons: owner_id = $1 OR team_id = ANY($2).
-- The rule stays the data's rule, owned or shared with a team of theirs, not user_contact_access, the metadata
-- that is checked against it.

DROP POLICY own_metadata ON public.user_metadata;
CREATE POLICY own_metadata ON public.user_metadata TO kontak_app
    USING (user_id = (SELECT public.kontak_current_user()));

DROP POLICY accessible_contacts ON public.contacts;
CREATE POLICY accessible_contacts ON public.contacts TO kontak_app
    USING (owner_id = (SELECT public.kontak_current_user())
           OR team_id = ANY (ARRAY(SELECT m.team_id FROM public.team_members m
                                   WHERE m.user_id = (SELECT public.kontak_current_user()))));

-- activities_on_accessible_contacts stays as it is: an activity carries no owner or team, it is visible when its
-- contact is, and the policy is one primary-key probe of contacts per activity row, read through
-- accessible_contacts above (whose InitPlans run once per statement). Activities are only read per contact (a
-- timeline) or by id, so that is a handful of probes; any form that collects the accessible contacts first would
-- cost O(contacts the user may access) per statement.

DROP POLICY own_refusals ON public.access_refusals;
CREATE POLICY own_refusals ON public.access_refusals TO kontak_app
    USING (user_id = (SELECT public.kontak_current_user()));
