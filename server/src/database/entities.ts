import { Session } from '../modules/auth/session.entity.js';
import { Client } from '../modules/clients/client.entity.js';
import { CrewRole } from '../modules/crew-roles/crew-role.entity.js';
import { EquipmentCase, EquipmentCategory, EquipmentItem, EquipmentUnit } from '../modules/equipment/equipment-catalogue.entity.js';
import { Repair, RepairRule } from '../modules/equipment/repair.entity.js';
import { EquipmentMovement, EventEquipmentLine, EventSubRental } from '../modules/equipment/event-equipment.entity.js';
import { CrewAssignment } from '../modules/events/crew-assignment.entity.js';
import { ProductionEvent } from '../modules/events/production-event.entity.js';
import { CompanyLogo, CompanySettings } from '../modules/settings/company-settings.entity.js';
import { Role } from '../modules/staff/role.entity.js';
import { User } from '../modules/staff/user.entity.js';
import { Venue } from '../modules/venues/venue.entity.js';

/** Every MikroORM entity, registered explicitly (no folder discovery). */
export const entities = [CompanySettings, CompanyLogo, Role, User, Session, Client, Venue, CrewRole, ProductionEvent, CrewAssignment,
  EquipmentCategory, EquipmentItem, EquipmentCase, EquipmentUnit, Repair, RepairRule,
  EventEquipmentLine, EventSubRental, EquipmentMovement,
];
