/** The 消息 page (main package, next to the tab pages: the home page links it with its unread badge). */
export const MESSAGES_PAGE_PATH = '/pages/messages/index';
