/**
 * The preferences module's public surface: what other modules may import from it.
 * An account's own mini-program settings (长辈模式), GET/PUT /api/me/preferences.
 * Everything else in this folder is the module's own.
 */
export { PreferencesModule } from './preferences.module';
export { AccountPreference } from './account-preference.entity';
export { AccountPreferencesService } from './account-preferences.service';
export { AccountPreferencesDto } from './dto/account-preferences.dto';
