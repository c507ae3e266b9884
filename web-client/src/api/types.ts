// Model types derived from the generated contract (schema.ts, from openapi.json). The contract marks response
// fields optional because springdoc emits no `required` list for records; the server always sends them, so the
// app works with the fields required (nullability stays exactly as the contract says).
import type { components } from './schema';

type Schemas = components['schemas'];

export type ImageVariant = Required<Schemas['ImageVariant']>;
export type VariantSize = ImageVariant['size'];
export type VariantFormat = ImageVariant['format'];
export type ImageProblem = Required<Schemas['ImageProblem']>;
export type ImageStatus = Image['status'];
export type Image = Omit<Required<Schemas['Image']>, 'variants' | 'problem' | 'capture' | 'tags'> & {
  tags: string[];
  variants: ImageVariant[];
  problem: ImageProblem | null;
  capture: Capture | null;
};
export type CaptureLocation = Omit<Required<Schemas['Location']>, 'altitude'> & { altitude: number | null };
export type Capture = Omit<Schemas['Capture'], 'location'> & { location?: CaptureLocation | null };
export type TagCount = Required<Schemas['TagCount']>;
export type GalleryTags = { galleryId: string; tags: TagCount[] };
export type Gallery = Required<Schemas['Gallery']>;
export type Visibility = Gallery['visibility'];
export type Account = Required<Schemas['Account']>;
export type GalleryRole = NonNullable<Gallery['yourRole']>;
export type MemberRole = Exclude<GalleryRole, 'owner'>;
export type GalleryMember = Omit<Required<Schemas['GalleryMember']>, 'role'> & { role: MemberRole };
export type GalleryMembers = Omit<Required<Schemas['GalleryMembers']>, 'members'> & { members: GalleryMember[] };
export type Membership = Omit<Required<Schemas['Membership']>, 'role'> & { role: MemberRole };
export type Profile = Omit<Required<Schemas['Profile']>, 'memberships'> & { memberships: Membership[] };
export type CursorPagination = Required<Schemas['CursorPagination']>;
export type PagePagination = Required<Schemas['PagePagination']>;
export type GalleryList = { galleries: Gallery[]; pagination: CursorPagination };
export type ImageList = { images: Image[]; pagination: PagePagination };
export type PresignedUpload = Required<Schemas['PresignedUploadResponse']>;
export type ProcessingBacklog = Required<Schemas['ProcessingBacklog']>;
export type ImageMatch = { image: Image; galleryName: string };
/** Galleries (first page only) and images matching every word; more images by nextCursor. */
export type SearchResults = { words: string[]; galleries: Gallery[]; images: ImageMatch[]; nextCursor: string | null };
export type NearDuplicateGroup = { images: Image[] };
export type NearDuplicateGroups = { galleryId: string; maxDistance: number; groups: NearDuplicateGroup[] };
export type ErrorBody = Schemas['Error'];
export type FieldProblem = Schemas['FieldProblem'];

export type CreateGallery = Schemas['CreateGallery'];
export type UpdateGallery = Schemas['UpdateGallery'];
export type UpdateImage = Schemas['UpdateImage'];
export type UploadRequest = Schemas['UploadRequest'];
export type Credentials = Schemas['SignIn'];

export type ShareLink = Required<Schemas['ShareLink']>;
export type CreateShareLink = Schemas['CreateShareLinkRequest'];
export type UnlockGrant = Required<Schemas['UnlockGrant']>;
