/** The signed-in user's own profile page, linked from the user menu. */
export const PROFILE_PATH = '/profile';
