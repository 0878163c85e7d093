-- A contact's photo (dev.kontak.contacts.entity.Photo): at most one, as Kontak re-encoded it (a JPEG or PNG of at
-- most 512 pixels a side), read only with the whole card. Visible and writable when its contact is, as the card's
-- other rows are (V20261202060001).
CREATE TABLE public.contact_photos (
    contact_id UUID PRIMARY KEY REFERENCES public.contacts (id) ON DELETE CASCADE,
    media_type VARCHAR(20) NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    image      BYTEA NOT NULL,
    width      INTEGER NOT NULL CHECK (width BETWEEN 1 AND 512),
    height     INTEGER NOT NULL CHECK (height BETWEEN 1 AND 512)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON public.contact_photos TO kontak_app, kontak_maintenance;

ALTER TABLE public.contact_photos ENABLE ROW LEVEL SECURITY;

CREATE POLICY of_accessible_contacts ON public.contact_photos TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact_photos.contact_id));

CREATE POLICY maintenance ON public.contact_photos TO kontak_maintenance USING (true) WITH CHECK (true);
