/**
 * Ribbon commands. The ribbon button opens the task pane (ShowTaskpane in manifest.xml); no function
 * command is needed, so this only tells Office the command surface is ready.
 */
Office.onReady(() => undefined);
