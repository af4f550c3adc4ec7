/** The largest media file /media passes on (product photos and documents are far smaller). */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;
