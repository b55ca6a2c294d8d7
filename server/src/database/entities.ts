import { Session } from '../modules/auth/session.entity.js';
import { CompanySettings } from '../modules/settings/company-settings.entity.js';
import { Role } from '../modules/staff/role.entity.js';
import { User } from '../modules/staff/user.entity.js';

/** Every MikroORM entity, registered explicitly (no folder discovery). */
export const entities = [CompanySettings, Role, User, Session];
